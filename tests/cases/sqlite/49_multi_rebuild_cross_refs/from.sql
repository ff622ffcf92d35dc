CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  head_id INTEGER REFERENCES workers(id) ON DELETE SET NULL
);
CREATE TABLE workers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  dept_id INTEGER REFERENCES departments(id) ON DELETE CASCADE
);
CREATE TABLE assignments (
  worker_id INTEGER NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  dept_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  share REAL NOT NULL,
  PRIMARY KEY (worker_id, dept_id)
);
CREATE VIEW dept_heads AS
  SELECT d.name AS dept, w.name AS head FROM departments d JOIN workers w ON w.id = d.head_id;
INSERT INTO departments VALUES (1, 'research', NULL), (2, 'sales', NULL);
INSERT INTO workers VALUES (1, 'ada', 1), (2, 'bob', 2), (3, 'cy', 1);
UPDATE departments SET head_id = 1 WHERE id = 1;
UPDATE departments SET head_id = 2 WHERE id = 2;
INSERT INTO assignments VALUES (1, 1, 1.0), (2, 2, 0.5), (3, 1, 0.5), (2, 1, 0.5);
