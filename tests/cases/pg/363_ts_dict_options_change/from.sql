-- roles: sd_alice
CREATE TEXT SEARCH DICTIONARY snow (TEMPLATE = snowball, language = 'english', stopwords = 'english');
CREATE TEXT SEARCH DICTIONARY stops (TEMPLATE = pg_catalog.simple, stopwords = 'english', accept = true);
COMMENT ON TEXT SEARCH DICTIONARY stops IS 'old comment';
CREATE TEXT SEARCH DICTIONARY bare (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH DICTIONARY "Odd ""Options""" (TEMPLATE = pg_catalog.simple, accept = false);
ALTER TEXT SEARCH DICTIONARY "Odd ""Options""" OWNER TO sd_alice;
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH stops, snow;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH bare;
CREATE TABLE doc (id integer PRIMARY KEY, body text);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.cfg'::regconfig, coalesce(body, '')));
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
