-- roles: sd_alice, sd_bob
-- covers: range type privileges: revoked from PUBLIC and granted; grantee changed
CREATE TYPE r1 AS RANGE (subtype = float8);
REVOKE USAGE ON TYPE r1 FROM PUBLIC;
GRANT USAGE ON TYPE r1 TO sd_bob;
CREATE TYPE r2 AS RANGE (subtype = numeric);
REVOKE USAGE ON TYPE r2 FROM PUBLIC;
GRANT USAGE ON TYPE r2 TO sd_bob;
CREATE TABLE t (v r1);
