-- roles: sd_alice
CREATE TEXT SEARCH DICTIONARY stem (TEMPLATE = pg_catalog.simple, stopwords = 'english');
ALTER TEXT SEARCH DICTIONARY stem OWNER TO sd_alice;
COMMENT ON TEXT SEARCH DICTIONARY stem IS 'simple, then snowball';
CREATE TEXT SEARCH DICTIONARY alone (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword, word WITH stem, simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR numword WITH stem;
CREATE TEXT SEARCH CONFIGURATION gone_cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION gone_cfg ADD MAPPING FOR asciiword WITH stem;
CREATE TABLE doc (id integer PRIMARY KEY, body text);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.cfg'::regconfig, coalesce(body, '')));
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
