-- covers: composite type comments: added, removed, changed
CREATE TYPE c1 AS (a integer);
COMMENT ON TYPE c1 IS 'added';
CREATE TYPE c2 AS (a integer);
CREATE TYPE c3 AS (a integer);
COMMENT ON TYPE c3 IS 'after';
CREATE TABLE t (v c3);
