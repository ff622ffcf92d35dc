-- covers: index dropped: UNIQUE index, partial UNIQUE index, expression index with collation and DESC, partial DESC index; one index is kept
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  published_at TEXT
);
CREATE INDEX articles_keep_idx ON articles(published);
