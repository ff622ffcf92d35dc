CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID;
ALTER TABLE t ADD CONSTRAINT t_b_pos CHECK (b > 0);
INSERT INTO t VALUES (1, 1, 1), (2, 2, 2);
