CREATE TABLE statuses (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE
);
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);
INSERT INTO statuses VALUES (1, 'open'), (2, 'closed');
INSERT INTO issues VALUES (1, 'crash on start'), (2, 'typo in docs');
