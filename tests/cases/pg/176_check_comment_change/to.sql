-- covers: CHECK constraint comments: added, removed, changed
CREATE TABLE t (id integer PRIMARY KEY, a integer CONSTRAINT t_a CHECK (a > 0), b integer CONSTRAINT t_b CHECK (b > 0), c integer CONSTRAINT t_c CHECK (c > 0));
COMMENT ON CONSTRAINT t_a ON t IS 'positive';
COMMENT ON CONSTRAINT t_c ON t IS 'v2';
