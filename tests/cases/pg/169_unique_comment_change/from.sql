CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE, b integer UNIQUE, c integer UNIQUE);
COMMENT ON CONSTRAINT t_b_key ON t IS 'gone';
COMMENT ON CONSTRAINT t_c_key ON t IS 'v1';
INSERT INTO t VALUES (1, 1, 1, 1);
