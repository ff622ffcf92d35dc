-- covers: view sql changed on a base view that other views depend on (views on views: payroll and top_earners must still work); top_earners itself also changes its threshold
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  salary INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE VIEW active_employees AS SELECT id AS id, name AS name, salary AS salary FROM employees WHERE active = 1 AND salary > 0;
CREATE VIEW payroll AS SELECT sum(salary) AS total FROM active_employees;
CREATE VIEW top_earners AS SELECT name AS name FROM active_employees WHERE salary > 6000;
