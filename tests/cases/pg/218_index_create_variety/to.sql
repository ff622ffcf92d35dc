-- covers: new indexes: unique expression, DESC NULLS LAST / NULLS FIRST, COLLATE "C", text_pattern_ops, partial, hash, brin, gist, gin (array, jsonb_path_ops, gin_trgm_ops), INCLUDE with NULLS NOT DISTINCT, comment
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
CREATE UNIQUE INDEX doc_email_lower_uidx ON doc (lower(email));
CREATE INDEX doc_created_score_idx ON doc (created DESC NULLS LAST, score NULLS FIRST);
CREATE INDEX doc_title_c_idx ON doc (title COLLATE "C");
CREATE INDEX doc_title_pattern_idx ON doc (title text_pattern_ops);
CREATE INDEX doc_score_partial_idx ON doc (score) WHERE score > 10;
CREATE INDEX doc_category_hash_idx ON doc USING hash (category);
CREATE INDEX doc_created_brin_idx ON doc USING brin (created);
CREATE INDEX doc_span_gist_idx ON doc USING gist (span);
CREATE INDEX doc_tags_gin_idx ON doc USING gin (tags);
CREATE INDEX doc_meta_gin_idx ON doc USING gin (meta jsonb_path_ops);
CREATE INDEX doc_body_trgm_idx ON doc USING gin (body gin_trgm_ops);
CREATE UNIQUE INDEX doc_cat_score_uidx ON doc (category, score) INCLUDE (title) NULLS NOT DISTINCT;
COMMENT ON INDEX doc_score_partial_idx IS 'hot rows';
