CREATE TABLE t1 (id integer PRIMARY KEY, v text);
CREATE UNLOGGED TABLE t2 (id integer PRIMARY KEY, v text);
CREATE INDEX t2_v_idx ON t2 (v);
INSERT INTO t1 VALUES (1, 'a'), (2, 'b');
INSERT INTO t2 VALUES (1, 'x'), (2, 'y');
