CREATE TABLE t (
  id INTEGER PRIMARY KEY,
  a TEXT
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
CREATE VIEW v_base AS SELECT id, a FROM t;
CREATE VIEW v_top AS SELECT id FROM v_base WHERE a IS NOT NULL;
INSERT INTO t VALUES (1, '10'), (2, '20'), (3, '30');
INSERT INTO t_sd_new VALUES (1, 'taken name'), (2, 'still here');
INSERT INTO z_keep VALUES (1, 'untouched');
