-- covers: text search parser and template definitions changed while nothing uses them (DROP + CREATE: ALTER cannot set their functions), before the functions they no longer use go and after those they now use: every parser function moved to a wrapper (START, GETTOKEN, END, HEADLINE, LEXTYPES) with the comment kept, HEADLINE dropped, a comment changed; a template's INIT and LEXIZE moved to wrappers, INIT dropped with the comment kept, LEXIZE changed alone
CREATE SCHEMA w;
CREATE FUNCTION w.start(internal, integer) RETURNS internal LANGUAGE internal STRICT AS 'prsd_start';
CREATE FUNCTION w.gettoken(internal, internal, internal) RETURNS internal LANGUAGE internal STRICT AS 'prsd_nexttoken';
CREATE FUNCTION w.finish(internal) RETURNS void LANGUAGE internal STRICT AS 'prsd_end';
CREATE FUNCTION w.headline(internal, internal, tsquery) RETURNS internal LANGUAGE internal STRICT AS 'prsd_headline';
CREATE FUNCTION w.lextypes(internal) RETURNS internal LANGUAGE internal STRICT AS 'prsd_lextype';
CREATE FUNCTION w.init(internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_init';
CREATE FUNCTION w.lexize(internal, internal, internal, internal) RETURNS internal LANGUAGE internal STRICT AS 'dsimple_lexize';
CREATE TEXT SEARCH PARSER p_funcs (START = w.start, GETTOKEN = w.gettoken, END = w.finish, HEADLINE = w.headline, LEXTYPES = w.lextypes);
COMMENT ON TEXT SEARCH PARSER p_funcs IS 'built-in functions';
CREATE TEXT SEARCH PARSER p_headline (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);
CREATE TEXT SEARCH PARSER p_comment (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);
COMMENT ON TEXT SEARCH PARSER p_comment IS 'new';
CREATE TEXT SEARCH TEMPLATE t_init (INIT = w.init, LEXIZE = w.lexize);
CREATE TEXT SEARCH TEMPLATE t_noinit (LEXIZE = dsimple_lexize);
COMMENT ON TEXT SEARCH TEMPLATE t_noinit IS 'loses INIT';
CREATE TEXT SEARCH TEMPLATE t_lexize (LEXIZE = w.lexize);
