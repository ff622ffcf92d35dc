-- covers: CHECK NOT VALID added to a kept table whose rows violate it, and a NOT VALID CHECK dropped (CREATE TABLE ignores NOT VALID on checks, so these use ALTER TABLE)
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID;
