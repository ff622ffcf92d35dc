-- a parser and a template over wrappers of PostgreSQL's C functions, dropped with them
CREATE FUNCTION old_start(internal, integer) RETURNS internal LANGUAGE internal STRICT AS 'prsd_start';
CREATE FUNCTION old_lexize(internal, internal, internal, internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_lexize';
CREATE TEXT SEARCH PARSER old_prs (START = old_start, GETTOKEN = prsd_nexttoken, END = prsd_end, HEADLINE = prsd_headline, LEXTYPES = prsd_lextype);
COMMENT ON TEXT SEARCH PARSER old_prs IS 'dropped before its start function';
CREATE TEXT SEARCH TEMPLATE old_tmpl (INIT = dsimple_init, LEXIZE = old_lexize);
COMMENT ON TEXT SEARCH TEMPLATE old_tmpl IS 'dropped before its lexize function';
CREATE TEXT SEARCH TEMPLATE plain_tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TABLE doc (id integer PRIMARY KEY, body text);
INSERT INTO doc VALUES (1, 'The quick brown fox'), (2, NULL);
