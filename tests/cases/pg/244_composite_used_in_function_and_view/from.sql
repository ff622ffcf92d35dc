CREATE TABLE emp (id integer PRIMARY KEY, first text NOT NULL, last text NOT NULL, salary integer NOT NULL);
INSERT INTO emp VALUES (1, 'Ann', 'Lee', 100), (2, 'Bob', 'Ray', 120);
