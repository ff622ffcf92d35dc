-- covers: column STORAGE, COMPRESSION and attribute options (SET (n_distinct ...)): set on new tables and columns, dropped with a table and a column, changed, reset to the type's own (numeric's MAIN) and kept across a retype
CREATE TABLE docs (
    id integer PRIMARY KEY,
    body text,
    raw bytea,
    amount numeric(12,2),
    tag varchar(80),
    added text
);
ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET COMPRESSION lz4;
ALTER TABLE docs ALTER COLUMN tag SET STORAGE MAIN, ALTER COLUMN tag SET COMPRESSION lz4;
ALTER TABLE docs ALTER COLUMN id SET (n_distinct = -0.5);
ALTER TABLE docs ALTER COLUMN body SET (n_distinct = 7);
ALTER TABLE docs ALTER COLUMN added SET STORAGE MAIN, ALTER COLUMN added SET COMPRESSION pglz;
ALTER TABLE docs ALTER COLUMN added SET (n_distinct_inherited = 2);
CREATE TABLE fresh (id integer, payload text);
ALTER TABLE fresh ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN payload SET COMPRESSION lz4;
ALTER TABLE fresh ALTER COLUMN payload SET (n_distinct = 3);
