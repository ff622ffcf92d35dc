-- roles: sd_alice, sd_bob
CREATE TYPE c1 AS (a integer);
CREATE TYPE c2 AS (a integer);
ALTER TYPE c2 OWNER TO sd_alice;
CREATE TABLE t (v c1);
INSERT INTO t VALUES (ROW(1));
