CREATE TABLE t (id integer PRIMARY KEY, qty integer);
INSERT INTO t VALUES (1, 5), (2, 7);
