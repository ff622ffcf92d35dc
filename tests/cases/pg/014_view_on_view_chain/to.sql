-- covers: views built on views: base view gains a column, dependent view uses it, a third level is added
CREATE TABLE emp (id integer PRIMARY KEY, name text NOT NULL, dept text NOT NULL, salary integer NOT NULL);
CREATE VIEW emp_base AS SELECT id, name, dept FROM emp;
CREATE VIEW emp_names AS SELECT name, dept FROM emp_base ORDER BY name;
CREATE VIEW dept_sizes AS SELECT dept, count(*) AS n FROM emp_names GROUP BY dept;
