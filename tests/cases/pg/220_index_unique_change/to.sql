-- covers: index uniqueness toggled: plain -> UNIQUE (rows are unique) and UNIQUE -> plain
CREATE EXTENSION pg_trgm;
CREATE TABLE doc (
    id integer PRIMARY KEY,
    title text,
    body text,
    tags text[],
    meta jsonb,
    created timestamptz,
    span tsrange,
    email text,
    score integer,
    category text
);
CREATE UNIQUE INDEX doc_title_idx ON doc (title);
CREATE INDEX doc_email_idx ON doc (email);
