-- covers: index comments: added, removed, changed
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
CREATE INDEX i1 ON doc (score);
COMMENT ON INDEX i1 IS 'new';
CREATE INDEX i2 ON doc (title);
CREATE INDEX i3 ON doc (email);
COMMENT ON INDEX i3 IS 'v2';
