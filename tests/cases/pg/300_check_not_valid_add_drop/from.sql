CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
INSERT INTO t VALUES (1, -1, -1), (2, 2, 2);
ALTER TABLE t ADD CONSTRAINT t_b_pos CHECK (b > 0) NOT VALID;
