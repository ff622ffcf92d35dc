-- roles: sd_alice
-- covers: text search dictionary options changed in place (ALTER TEXT SEARCH DICTIONARY ... (old names, new options): the result is exactly the new list, in its order) while a configuration maps them and an index uses that configuration (neither rebuilt: expect_not.txt): snowball language changed and stopwords removed, simple stopwords removed and accept changed, options added to a dictionary that had none, every option removed from a dictionary with a quoted name; owner changed, comment changed and added
CREATE TEXT SEARCH DICTIONARY snow (TEMPLATE = snowball, language = 'dutch');
CREATE TEXT SEARCH DICTIONARY stops (TEMPLATE = pg_catalog.simple, accept = false);
COMMENT ON TEXT SEARCH DICTIONARY stops IS 'new comment';
CREATE TEXT SEARCH DICTIONARY bare (TEMPLATE = pg_catalog.simple, stopwords = 'english');
COMMENT ON TEXT SEARCH DICTIONARY bare IS 'gained stop words';
CREATE TEXT SEARCH DICTIONARY "Odd ""Options""" (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH CONFIGURATION cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR asciiword WITH stops, snow;
ALTER TEXT SEARCH CONFIGURATION cfg ADD MAPPING FOR word WITH bare;
CREATE TABLE doc (id integer PRIMARY KEY, body text);
CREATE INDEX doc_fts ON doc USING gin (to_tsvector('public.cfg'::regconfig, coalesce(body, '')));
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
