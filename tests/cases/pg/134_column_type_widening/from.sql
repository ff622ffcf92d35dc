CREATE TABLE t (id integer PRIMARY KEY, s smallint, i integer, r real, v varchar(20), w varchar(30));
INSERT INTO t VALUES (1, 1, 100000, 1.5, 'short', 'w1'), (2, -5, -7, 0.25, 'x', NULL);
