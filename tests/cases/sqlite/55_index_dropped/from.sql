CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  published_at TEXT
);
CREATE UNIQUE INDEX articles_slug_uidx ON articles(slug);
CREATE UNIQUE INDEX articles_pub_title_uidx ON articles(title) WHERE published = 1;
CREATE INDEX articles_lower_title_idx ON articles(lower(title) COLLATE NOCASE DESC);
CREATE INDEX articles_published_at_idx ON articles(published_at DESC) WHERE published_at IS NOT NULL;
CREATE INDEX articles_keep_idx ON articles(published);
INSERT INTO articles VALUES (1, 'hello', 'Hello', 1, '2024-01-01'), (2, 'draft', 'Draft', 0, NULL);
