CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  salary INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE VIEW active_employees AS SELECT id AS id, name AS name, salary AS salary FROM employees WHERE active = 1;
CREATE VIEW payroll AS SELECT sum(salary) AS total FROM active_employees;
CREATE VIEW top_earners AS SELECT name AS name FROM active_employees WHERE salary > 5000;
INSERT INTO employees VALUES (1, 'ada', 7000, 1), (2, 'bob', 4000, 1), (3, 'cy', 9000, 0);
