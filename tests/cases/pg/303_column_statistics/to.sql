-- covers: column statistics targets: changed (100 -> 250), reset to the default, set on a kept column, set to 0 (no statistics), a new column with a target, a dropped column with one, a new table with one; a parent's target does not spill over to its child (ALTER TABLE ONLY)
CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c integer, d integer, added integer);
ALTER TABLE t ALTER COLUMN a SET STATISTICS 250;
ALTER TABLE t ALTER COLUMN c SET STATISTICS 50;
ALTER TABLE t ALTER COLUMN d SET STATISTICS 0;
ALTER TABLE t ALTER COLUMN added SET STATISTICS 400;
CREATE TABLE parent (id integer, v integer);
CREATE TABLE child (extra text) INHERITS (parent);
ALTER TABLE ONLY parent ALTER COLUMN v SET STATISTICS 500;
ALTER TABLE child ALTER COLUMN extra SET STATISTICS 20;
CREATE TABLE fresh (id integer, w integer);
ALTER TABLE fresh ALTER COLUMN w SET STATISTICS 10;
