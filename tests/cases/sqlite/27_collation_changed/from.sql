CREATE TABLE words (
  id INTEGER PRIMARY KEY,
  word TEXT NOT NULL COLLATE NOCASE,
  lang TEXT COLLATE BINARY,
  gloss TEXT COLLATE RTRIM,
  tag TEXT
);
CREATE INDEX words_word_idx ON words(word);
INSERT INTO words VALUES (1, 'Apple', 'en', 'fruit', 'a'), (2, 'Birne', 'de', 'pear', 'b');
