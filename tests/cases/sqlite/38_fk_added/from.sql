CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER,
  editor_id INTEGER,
  title TEXT NOT NULL
);
INSERT INTO authors VALUES (1, 'Le Guin'), (2, 'Lem');
INSERT INTO books VALUES (1, 1, 2, 'The Dispossessed'), (2, 2, NULL, 'Solaris'), (3, NULL, NULL, 'Anonymous');
