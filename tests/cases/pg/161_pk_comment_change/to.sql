-- covers: primary key comments: added, removed, changed
CREATE TABLE t1 (id integer PRIMARY KEY);
COMMENT ON CONSTRAINT t1_pkey ON t1 IS 'surrogate key';
CREATE TABLE t2 (id integer PRIMARY KEY);
CREATE TABLE t3 (id integer PRIMARY KEY);
COMMENT ON CONSTRAINT t3_pkey ON t3 IS 'v2';
