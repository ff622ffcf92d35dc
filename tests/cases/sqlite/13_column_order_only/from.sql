CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  first_name TEXT,
  last_name TEXT,
  born TEXT
);
INSERT INTO people VALUES (1, 'Grace', 'Hopper', '1906-12-09'), (2, 'Alan', 'Turing', '1912-06-23');
