-- covers: INCLUDE columns: added, removed, changed
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
CREATE INDEX i1 ON doc (score) INCLUDE (title, category);
CREATE INDEX i2 ON doc (category);
CREATE INDEX i3 ON doc (created) INCLUDE (email);
