CREATE TABLE emp (id integer PRIMARY KEY, name text NOT NULL, dept text NOT NULL, salary integer NOT NULL);
CREATE VIEW emp_base AS SELECT id, name FROM emp;
CREATE VIEW emp_names AS SELECT name FROM emp_base ORDER BY name;
INSERT INTO emp VALUES (1, 'ann', 'ops', 100), (2, 'bob', 'dev', 120);
