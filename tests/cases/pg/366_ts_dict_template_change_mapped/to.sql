-- roles: sd_alice
-- covers: text search dictionaries whose template changes (only CREATE sets it): one mapped by a kept configuration (used by an index) and by a dropped one is renamed away, created anew with its new options, owner and comment, the mappings moved over (ALTER MAPPING REPLACE) and the old one dropped, the configuration's own mapping change following; one no configuration maps is dropped and created
CREATE TEXT SEARCH DICTIONARY stem (TEMPLATE = snowball, language = 'english');
ALTER TEXT SEARCH DICTIONARY stem OWNER TO sd_alice;
COMMENT ON TEXT SEARCH DICTIONARY stem IS 'simple, then snowball';
CREATE TEXT SEARCH DICTIONARY alone (TEMPLATE = snowball, language = 'german');
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword, word WITH stem, simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR numword WITH simple;
CREATE TABLE doc (id integer PRIMARY KEY, body text);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.cfg'::regconfig, coalesce(body, '')));
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
