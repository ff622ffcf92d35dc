CREATE TYPE c1 AS (a integer);
CREATE TYPE c2 AS (a integer);
COMMENT ON TYPE c2 IS 'gone';
CREATE TYPE c3 AS (a integer);
COMMENT ON TYPE c3 IS 'before';
CREATE TABLE t (v c3);
INSERT INTO t VALUES (ROW(3));
