-- covers: extension version downgrade (cube 1.5 -> 1.4, seg 1.4 -> 1.3): no downgrade script exists, nothing depends on them
CREATE EXTENSION cube VERSION '1.4';
CREATE EXTENSION seg VERSION '1.3';
CREATE TABLE t (id integer PRIMARY KEY);
