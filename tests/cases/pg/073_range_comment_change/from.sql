CREATE TYPE r1 AS RANGE (subtype = float8);
CREATE TYPE r2 AS RANGE (subtype = numeric);
COMMENT ON TYPE r2 IS 'old';
CREATE TYPE r3 AS RANGE (subtype = date);
COMMENT ON TYPE r3 IS 'to drop';
CREATE TABLE t (v r1);
INSERT INTO t VALUES ('[1,2]');
