CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c integer, d integer, gone integer);
ALTER TABLE t ALTER COLUMN a SET STATISTICS 100;
ALTER TABLE t ALTER COLUMN b SET STATISTICS 200;
ALTER TABLE t ALTER COLUMN gone SET STATISTICS 300;
CREATE TABLE parent (id integer, v integer);
CREATE TABLE child (extra text) INHERITS (parent);
INSERT INTO t VALUES (1, 1, 'x', 1, 1, 1);
INSERT INTO child VALUES (1, 2, 'y');
