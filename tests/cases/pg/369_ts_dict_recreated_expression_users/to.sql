-- covers: text search dictionaries whose template changes while no configuration maps them but expressions name them (regdictionary; ts_lexize is not immutable, so no generated column or index can): a column default and a CHECK are detached before DROP + CREATE of each dictionary (one with a name that needs quoting) and restored after it, with rows kept
CREATE TEXT SEARCH DICTIONARY lex (TEMPLATE = snowball, language = 'english');
CREATE TEXT SEARCH DICTIONARY "Other Lex" (TEMPLATE = snowball, language = 'english');
CREATE TABLE word (
  id integer PRIMARY KEY,
  w text NOT NULL,
  lexemes text DEFAULT array_to_string(ts_lexize('public.lex'::regdictionary, 'Running'), ','),
  CONSTRAINT w_lexes CHECK (ts_lexize('public."Other Lex"'::regdictionary, w) IS NOT NULL)
);
INSERT INTO word (id, w) VALUES (1, 'Running'), (2, 'Jumps');
