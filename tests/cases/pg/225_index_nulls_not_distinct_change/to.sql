-- covers: unique index NULLS NOT DISTINCT switched on (rows have one NULL) and off
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
CREATE UNIQUE INDEX i1 ON doc (title) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX i2 ON doc (email);
