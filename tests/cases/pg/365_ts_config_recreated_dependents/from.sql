CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword, word WITH english_stem;
COMMENT ON TEXT SEARCH CONFIGURATION cfg IS 'parser changes';
CREATE TEXT SEARCH CONFIGURATION stays (COPY = pg_catalog.english);
CREATE TABLE doc (
  id integer PRIMARY KEY,
  body text,
  summary text DEFAULT to_tsvector('public.cfg'::regconfig, 'none')::text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.cfg'::regconfig, coalesce(body, ''))) STORED
);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.cfg'::regconfig, coalesce(body, '')));
CREATE INDEX doc_stays ON doc USING gin (to_tsvector('public.stays'::regconfig, coalesce(body, '')));
CREATE VIEW doc_words AS SELECT id, to_tsvector('public.cfg'::regconfig, body) AS words FROM doc;
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL), (3, 'jumps over the lazy dog');
