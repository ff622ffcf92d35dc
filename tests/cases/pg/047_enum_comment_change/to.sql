-- covers: enum comments: added, removed, changed
CREATE TYPE e1 AS ENUM ('a');
COMMENT ON TYPE e1 IS 'hello';
CREATE TYPE e2 AS ENUM ('a');
CREATE TYPE e3 AS ENUM ('a');
COMMENT ON TYPE e3 IS 'new';
CREATE TABLE t (v e3);
