-- roles: sd_alice, sd_bob
-- covers: composite type privileges: granted, revoked from PUBLIC, restored
CREATE TYPE c1 AS (a integer);
REVOKE USAGE ON TYPE c1 FROM PUBLIC;
GRANT USAGE ON TYPE c1 TO sd_alice;
CREATE TYPE c2 AS (a integer);
CREATE TABLE t (v c1);
