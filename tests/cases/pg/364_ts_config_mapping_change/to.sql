-- roles: sd_alice
-- covers: text search configuration mappings changed in place (ALTER TEXT SEARCH CONFIGURATION ... ADD / ALTER / DROP MAPPING) while a generated column and an index use the configurations (neither rebuilt: expect_not.txt): a token type's dictionaries reordered, one replaced, token types added and dropped, a new dictionary mapped first; every mapping of a COPY-made configuration dropped; owner and comment changed
CREATE TEXT SEARCH DICTIONARY stops (TEMPLATE = pg_catalog.simple, stopwords = 'english');
CREATE TEXT SEARCH DICTIONARY snow (TEMPLATE = snowball, language = 'english');
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH english_stem, stops;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH snow, simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR hword, hword_part WITH simple;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR email WITH stops;
ALTER TEXT SEARCH CONFIGURATION cfg OWNER TO sd_alice;
COMMENT ON TEXT SEARCH CONFIGURATION cfg IS 'after';
CREATE TEXT SEARCH CONFIGURATION other (PARSER = pg_catalog."default");
CREATE TABLE doc (id integer PRIMARY KEY, body text, tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.cfg'::regconfig, coalesce(body, ''))) STORED);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.other'::regconfig, coalesce(body, '')));
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL);
