CREATE EXTENSION pg_trgm;
COMMENT ON EXTENSION pg_trgm IS 'trigram search, as we use it';
CREATE EXTENSION hstore;
COMMENT ON EXTENSION hstore IS 'key/value pairs (going away)';
CREATE EXTENSION isn;
CREATE DOMAIN score AS integer
    CONSTRAINT score_min CHECK (VALUE >= 0)
    CONSTRAINT score_max CHECK (VALUE <= 100)
    CONSTRAINT score_even CHECK (VALUE % 2 = 0);
COMMENT ON CONSTRAINT score_min ON DOMAIN score IS 'no negative scores';
COMMENT ON CONSTRAINT score_max ON DOMAIN score IS 'percent';
COMMENT ON CONSTRAINT score_even ON DOMAIN score IS 'even only';
CREATE DOMAIN gone_code AS text CONSTRAINT gone_code_len CHECK (length(VALUE) = 3);
COMMENT ON CONSTRAINT gone_code_len ON DOMAIN gone_code IS 'three letters';
CREATE TABLE results (id integer PRIMARY KEY, score score);
INSERT INTO results VALUES (1, 42), (2, 100);
