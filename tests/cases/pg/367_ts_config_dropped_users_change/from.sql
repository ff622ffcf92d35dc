CREATE TEXT SEARCH DICTIONARY stops (TEMPLATE = pg_catalog.simple, stopwords = 'english');
CREATE TEXT SEARCH CONFIGURATION old_cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION old_cfg ADD MAPPING FOR asciiword WITH stops;
CREATE TABLE doc (
  id integer PRIMARY KEY,
  body text,
  summary text DEFAULT to_tsvector('public.old_cfg'::regconfig, 'none')::text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.old_cfg'::regconfig, coalesce(body, ''))) STORED
);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.old_cfg'::regconfig, coalesce(body, '')));
CREATE TABLE note (id integer PRIMARY KEY, body text);
CREATE INDEX note_fts ON note USING gin (to_tsvector('public.old_cfg'::regconfig, coalesce(body, '')));
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL);
INSERT INTO note VALUES (1, 'a note');
