-- covers: index keys changed: column added, expression changed, ASC -> DESC, NULLS FIRST added, COLLATE added, opclass added, columns reordered
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
CREATE INDEX i_cols ON doc (title, category);
CREATE INDEX i_expr ON doc (upper(email));
CREATE INDEX i_dir ON doc (created DESC);
CREATE INDEX i_nulls ON doc (score NULLS FIRST);
CREATE INDEX i_coll ON doc (category COLLATE "C");
CREATE INDEX i_ops ON doc (body text_pattern_ops);
CREATE INDEX i_order ON doc (score, category);
