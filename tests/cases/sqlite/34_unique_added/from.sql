CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  dept TEXT NOT NULL,
  badge TEXT NOT NULL,
  email TEXT
);
INSERT INTO employees VALUES (1, 'eng', 'B1', 'ada@x.org'), (2, 'eng', 'B2', NULL), (3, 'ops', 'B1', 'cy@x.org');
