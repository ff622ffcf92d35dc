-- covers: column collation changed: NOCASE -> RTRIM (indexed column), BINARY -> NOCASE, RTRIM -> none, none -> NOCASE
CREATE TABLE words (
  id INTEGER PRIMARY KEY,
  word TEXT NOT NULL COLLATE RTRIM,
  lang TEXT COLLATE NOCASE,
  gloss TEXT,
  tag TEXT COLLATE NOCASE
);
CREATE INDEX words_word_idx ON words(word);
