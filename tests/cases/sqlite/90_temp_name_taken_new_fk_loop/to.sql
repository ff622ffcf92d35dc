-- covers: the rebuild's temporary names "t_sd_new" (a table) and "t_sd_new2" (an index) already taken; a view chain over the rebuilt table dropped and created again; new tables in a foreign key loop (a_loop <-> b_loop) beside new tables in a chain (c_new -> d_new)
CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  a INTEGER NOT NULL
);
CREATE TABLE t_sd_new (
  id INTEGER PRIMARY KEY,
  note TEXT
);
CREATE INDEX t_sd_new2 ON t_sd_new (note);
CREATE TABLE z_keep (
  id INTEGER PRIMARY KEY,
  label TEXT
);
CREATE TABLE a_loop (
  id INTEGER PRIMARY KEY,
  b_id INTEGER REFERENCES b_loop (id)
);
CREATE TABLE b_loop (
  id INTEGER PRIMARY KEY,
  a_id INTEGER REFERENCES a_loop (id)
);
CREATE TABLE c_new (
  id INTEGER PRIMARY KEY,
  d_id INTEGER REFERENCES d_new (id)
);
CREATE TABLE d_new (
  id INTEGER PRIMARY KEY
);
CREATE VIEW v_base AS SELECT id, a FROM t;
CREATE VIEW v_top AS SELECT id FROM v_base WHERE a IS NOT NULL;
