-- covers: CHECK NOT VALID -> validated (rows satisfy it) and validated -> NOT VALID
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0);
ALTER TABLE t ADD CONSTRAINT t_b_pos CHECK (b > 0) NOT VALID;
