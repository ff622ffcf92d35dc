-- covers: index access methods changed: btree -> hash, btree -> brin, gin trigram -> gist trigram
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
CREATE INDEX i_hash ON doc USING hash (category);
CREATE INDEX i_brin ON doc USING brin (created);
CREATE INDEX i_trgm ON doc USING gist (body gist_trgm_ops);
