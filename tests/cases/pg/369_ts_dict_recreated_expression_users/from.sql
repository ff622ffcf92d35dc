CREATE TEXT SEARCH DICTIONARY lex (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH DICTIONARY "Other Lex" (TEMPLATE = pg_catalog.simple);
CREATE TABLE word (
  id integer PRIMARY KEY,
  w text NOT NULL,
  lexemes text DEFAULT array_to_string(ts_lexize('public.lex'::regdictionary, 'Running'), ','),
  CONSTRAINT w_lexes CHECK (ts_lexize('public."Other Lex"'::regdictionary, w) IS NOT NULL)
);
INSERT INTO word (id, w) VALUES (1, 'Running'), (2, 'Jumps');
