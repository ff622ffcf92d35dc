CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  manager_id INTEGER
);
INSERT INTO staff VALUES (1, 'ceo', NULL), (2, 'cto', 1), (3, 'dev', 2), (4, 'ops', 2);
