-- roles: sd_alice
CREATE TEXT SEARCH DICTIONARY old_simple (TEMPLATE = pg_catalog.simple, stopwords = 'english');
ALTER TEXT SEARCH DICTIONARY old_simple OWNER TO sd_alice;
COMMENT ON TEXT SEARCH DICTIONARY old_simple IS 'dropped after the configuration that maps it';
CREATE TEXT SEARCH CONFIGURATION old_cfg (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION old_cfg ADD MAPPING FOR asciiword, word WITH old_simple, simple;
ALTER TEXT SEARCH CONFIGURATION old_cfg OWNER TO sd_alice;
COMMENT ON TEXT SEARCH CONFIGURATION old_cfg IS 'dropped';
CREATE TABLE doc (id integer PRIMARY KEY, body text);
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
