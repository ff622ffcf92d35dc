CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  slug TEXT,
  author TEXT
);
CREATE INDEX documents_slug_idx ON documents(slug);
CREATE INDEX documents_author_title_idx ON documents(author, title);
INSERT INTO documents VALUES (1, 'Intro', 'intro', 'ada'), (2, 'Usage', 'usage', 'bob');
