-- covers: a text search configuration (and the dictionary it maps) dropped while a kept index of the same name moves to another configuration, a column default and a generated column move to it too, and an index using it is dropped: the index is recreated, the default set, the generated column dropped and added again before the configuration is dropped (late, after them), then its dictionary
CREATE TEXT SEARCH CONFIGURATION new_cfg (COPY = pg_catalog.english);
CREATE TABLE doc (
  id integer PRIMARY KEY,
  body text,
  summary text DEFAULT to_tsvector('public.new_cfg'::regconfig, 'none')::text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.new_cfg'::regconfig, coalesce(body, ''))) STORED
);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.new_cfg'::regconfig, coalesce(body, '')));
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL);
INSERT INTO note VALUES (1, 'a note');
