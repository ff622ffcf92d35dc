-- roles: sd_alice, sd_bob
CREATE TYPE r1 AS RANGE (subtype = float8);
CREATE TYPE r2 AS RANGE (subtype = numeric);
ALTER TYPE r2 OWNER TO sd_alice;
CREATE TABLE t (v r1);
INSERT INTO t VALUES ('[1,2]');
