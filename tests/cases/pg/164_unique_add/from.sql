CREATE TABLE person (id integer PRIMARY KEY, email text, first text, last text, badge integer);
INSERT INTO person VALUES (1, 'a@x', 'Ann', 'Lee', 1), (2, 'b@x', 'Bob', NULL, 2), (3, NULL, 'Cy', 'Lee', 3);
