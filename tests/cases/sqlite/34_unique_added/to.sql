-- covers: unique added to an existing table with rows: named composite UNIQUE (CONSTRAINT uq_employees_dept_badge UNIQUE (dept, badge)) and an unnamed column-level UNIQUE on a nullable column; existing rows satisfy both
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  dept TEXT NOT NULL,
  badge TEXT NOT NULL,
  email TEXT UNIQUE,
  CONSTRAINT uq_employees_dept_badge UNIQUE (dept, badge)
);
