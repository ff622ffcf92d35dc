-- covers: range type comments: added, removed, changed
CREATE TYPE r1 AS RANGE (subtype = float8);
COMMENT ON TYPE r1 IS 'added';
CREATE TYPE r2 AS RANGE (subtype = numeric);
COMMENT ON TYPE r2 IS 'new';
CREATE TYPE r3 AS RANGE (subtype = date);
CREATE TABLE t (v r1);
