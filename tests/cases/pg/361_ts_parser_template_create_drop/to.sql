-- covers: text search parsers and templates (CREATE TEXT SEARCH PARSER / TEMPLATE) built from PostgreSQL's C functions (prsd_start, dsimple_init ...) directly and through wrapper functions in a schema whose name needs quoting (the functions first), with and without HEADLINE and INIT, with comments; dropped (with comments, before the wrapper functions they use); a comment added to a kept template
CREATE SCHEMA "Text Search";
CREATE FUNCTION "Text Search".my_start(internal, integer) RETURNS internal LANGUAGE internal STRICT AS 'prsd_start';
CREATE FUNCTION "Text Search".my_init(internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_init';
CREATE TEXT SEARCH PARSER "Text Search"."My Parser" (START = "Text Search".my_start, GETTOKEN = prsd_nexttoken, END = prsd_end, HEADLINE = prsd_headline, LEXTYPES = prsd_lextype);
COMMENT ON TEXT SEARCH PARSER "Text Search"."My Parser" IS 'the default parser''s functions';
CREATE TEXT SEARCH PARSER plain_prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);
CREATE TEXT SEARCH TEMPLATE "Text Search".my_tmpl (INIT = "Text Search".my_init, LEXIZE = dsimple_lexize);
COMMENT ON TEXT SEARCH TEMPLATE "Text Search".my_tmpl IS 'simple, renamed';
CREATE TEXT SEARCH TEMPLATE lexize_only (LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH TEMPLATE plain_tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
COMMENT ON TEXT SEARCH TEMPLATE plain_tmpl IS 'kept, commented';
CREATE TABLE doc (id integer PRIMARY KEY, body text);
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
