-- covers: unique constraint comments: added, removed, changed
CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE, b integer UNIQUE, c integer UNIQUE);
COMMENT ON CONSTRAINT t_a_key ON t IS 'new';
COMMENT ON CONSTRAINT t_c_key ON t IS 'v2';
