CREATE TABLE t (id integer PRIMARY KEY, x text);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
