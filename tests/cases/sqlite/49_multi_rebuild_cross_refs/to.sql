-- covers: several tables rebuilt in one migration that reference each other in a cycle (departments <-> workers) plus a child of both: STRICT added on departments, CHECK added on workers, share type REAL -> FLOAT and a CHECK on assignments; a view joining two rebuilt tables; all CASCADE rows must survive
CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  head_id INTEGER REFERENCES workers(id) ON DELETE SET NULL
) STRICT;
CREATE TABLE workers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  dept_id INTEGER REFERENCES departments(id) ON DELETE CASCADE
);
CREATE TABLE assignments (
  worker_id INTEGER NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  dept_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  share FLOAT NOT NULL CHECK (share > 0 AND share <= 1),
  PRIMARY KEY (worker_id, dept_id)
);
CREATE VIEW dept_heads AS
  SELECT d.name AS dept, w.name AS head FROM departments d JOIN workers w ON w.id = d.head_id;
