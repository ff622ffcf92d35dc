CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT t_a_key UNIQUE (a));
CREATE TABLE u (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT u_ab_key UNIQUE (a, b));
INSERT INTO t VALUES (1, 1, 1), (2, 2, 1);
INSERT INTO u VALUES (1, 1, 10), (2, 1, 20);
