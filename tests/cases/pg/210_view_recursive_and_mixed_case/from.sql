CREATE TABLE node (id integer PRIMARY KEY, parent integer REFERENCES node (id));
INSERT INTO node VALUES (1, NULL), (2, 1), (3, 2);
