-- covers: dropping indexes of every kind: unique, expression, sort options, collation, opclass, partial, hash, brin, gist, gin, INCLUDE, NULLS NOT DISTINCT, commented
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
