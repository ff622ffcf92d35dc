CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE docs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);
INSERT INTO users VALUES (1, 'ada'), (2, 'bob');
INSERT INTO docs VALUES (1, 'spec'), (2, 'notes');
