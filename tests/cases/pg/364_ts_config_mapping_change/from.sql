-- roles: sd_alice
CREATE TEXT SEARCH DICTIONARY stops (TEMPLATE = pg_catalog.simple, stopwords = 'english');
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH stops, english_stem;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR numword WITH simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR email, url WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION cfg IS 'before';
CREATE TEXT SEARCH CONFIGURATION other (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION other OWNER TO sd_alice;
CREATE TABLE doc (id integer PRIMARY KEY, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.cfg'::regconfig, coalesce(body, ''))) STORED);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.other'::regconfig, coalesce(body, '')));
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL);
