-- covers: COMMENT ON EXTENSION (set on a new extension, removed, changed, dropped with one) and COMMENT ON CONSTRAINT ... ON DOMAIN (set on a new domain, dropped with one, changed, removed, and kept on a CHECK that is added again)
CREATE EXTENSION pg_trgm;
COMMENT ON EXTENSION pg_trgm IS NULL;
CREATE EXTENSION isn;
COMMENT ON EXTENSION isn IS 'ISBN and friends';
CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'case-insensitive text for emails';
CREATE DOMAIN score AS integer
    CONSTRAINT score_min CHECK (VALUE >= 0)
    CONSTRAINT score_max CHECK (VALUE <= 1000)
    CONSTRAINT score_even CHECK (VALUE % 2 = 0);
COMMENT ON CONSTRAINT score_min ON DOMAIN score IS 'never below zero';
COMMENT ON CONSTRAINT score_max ON DOMAIN score IS 'percent';
CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) = 3);
COMMENT ON CONSTRAINT code_len ON DOMAIN code IS 'three letters';
CREATE TABLE results (id integer PRIMARY KEY, score score);
