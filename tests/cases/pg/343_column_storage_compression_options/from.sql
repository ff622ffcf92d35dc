CREATE TABLE docs (
    id integer PRIMARY KEY,
    body text,
    raw bytea,
    amount numeric(12,2),
    tag varchar(40),
    note text
);
ALTER TABLE docs ALTER COLUMN raw SET STORAGE EXTERNAL;
ALTER TABLE docs ALTER COLUMN amount SET STORAGE EXTENDED;
ALTER TABLE docs ALTER COLUMN tag SET STORAGE MAIN, ALTER COLUMN tag SET COMPRESSION lz4;
ALTER TABLE docs ALTER COLUMN note SET COMPRESSION pglz;
ALTER TABLE docs ALTER COLUMN id SET (n_distinct = -1);
ALTER TABLE docs ALTER COLUMN note SET (n_distinct = 100, n_distinct_inherited = 5);
CREATE TABLE gone (id integer, payload text);
ALTER TABLE gone ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN payload SET COMPRESSION lz4;
ALTER TABLE gone ALTER COLUMN payload SET (n_distinct = 3);
INSERT INTO docs VALUES (1, 'a', '\x00', 1.5, 'x', 'n'), (2, repeat('b', 5000), NULL, NULL, 'y', NULL);
INSERT INTO gone VALUES (1, 'p');
