-- roles: sd_alice
-- covers: text search dictionaries and configurations (CREATE TEXT SEARCH DICTIONARY / CONFIGURATION, ALTER ... ADD MAPPING) as pg_dump writes them: dictionaries of the built-in templates (simple with stopwords and accept, snowball with language) and of a new template, in a schema whose name needs quoting, with owner and comment; configurations of the default parser and of a new parser, mapping token types to one or several dictionaries (new and built-in, in order), with owner and comment, used by a new table's column default, generated column and expression index; dropped (a configuration with owner and comment before the dictionary it maps, the dictionary after)
CREATE SCHEMA "Full Text";
CREATE TEXT SEARCH TEMPLATE "Full Text".tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH PARSER "Full Text".prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, HEADLINE = prsd_headline, LEXTYPES = prsd_lextype);
CREATE TEXT SEARCH DICTIONARY "Full Text"."Stop Words" (TEMPLATE = pg_catalog.simple, stopwords = 'english', accept = false);
ALTER TEXT SEARCH DICTIONARY "Full Text"."Stop Words" OWNER TO sd_alice;
COMMENT ON TEXT SEARCH DICTIONARY "Full Text"."Stop Words" IS 'english stop words, rejected';
CREATE TEXT SEARCH DICTIONARY english_snow (TEMPLATE = snowball, language = 'english');
CREATE TEXT SEARCH DICTIONARY own_tmpl_dict (TEMPLATE = "Full Text".tmpl);
CREATE TEXT SEARCH CONFIGURATION "Full Text"."My Config" (PARSER = "Full Text".prs);
ALTER TEXT SEARCH CONFIGURATION "Full Text"."My Config" ADD MAPPING FOR asciiword, asciihword, hword_asciipart WITH "Full Text"."Stop Words", english_snow;
ALTER TEXT SEARCH CONFIGURATION "Full Text"."My Config" ADD MAPPING FOR word, numword WITH own_tmpl_dict;
ALTER TEXT SEARCH CONFIGURATION "Full Text"."My Config" OWNER TO sd_alice;
COMMENT ON TEXT SEARCH CONFIGURATION "Full Text"."My Config" IS 'stop words, then snowball';
CREATE TEXT SEARCH CONFIGURATION copy_cfg (COPY = pg_catalog.english);
CREATE TABLE doc (
  id integer PRIMARY KEY,
  body text,
  title text DEFAULT to_tsvector('"Full Text"."My Config"'::regconfig, 'untitled')::text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('public.copy_cfg'::regconfig, coalesce(body, ''))) STORED
);
INSERT INTO doc (id, body) VALUES (1, 'The quick brown fox'), (2, NULL);
CREATE INDEX doc_body_fts ON doc USING gin (to_tsvector('"Full Text"."My Config"'::regconfig, coalesce(body, '')));
