-- roles: sd_alice, sd_bob
CREATE TYPE r1 AS RANGE (subtype = float8);
CREATE TYPE r2 AS RANGE (subtype = numeric);
REVOKE USAGE ON TYPE r2 FROM PUBLIC;
GRANT USAGE ON TYPE r2 TO sd_alice;
CREATE TABLE t (v r1);
INSERT INTO t VALUES ('[1,2]');
