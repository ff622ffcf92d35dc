-- roles: sd_alice, sd_bob
CREATE TYPE c1 AS (a integer);
CREATE TYPE c2 AS (a integer);
REVOKE USAGE ON TYPE c2 FROM PUBLIC;
CREATE TABLE t (v c1);
INSERT INTO t VALUES (ROW(1));
