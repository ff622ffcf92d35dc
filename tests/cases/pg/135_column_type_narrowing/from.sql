CREATE TABLE t (id integer PRIMARY KEY, v varchar(50), t text, b bigint, n numeric);
INSERT INTO t VALUES (1, 'short', 'also short', 12, 1.50), (2, NULL, 'x', -3, 3.25);
