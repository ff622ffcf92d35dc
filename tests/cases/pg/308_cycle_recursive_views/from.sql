CREATE TABLE node (id integer PRIMARY KEY, parent integer);
INSERT INTO node VALUES (1, NULL), (2, 1);
