-- roles: sd_alice, sd_bob
-- covers: domain USAGE privileges: revoked from PUBLIC and granted, grantee changed, back to default
CREATE DOMAIN d1 AS integer;
REVOKE USAGE ON DOMAIN d1 FROM PUBLIC;
GRANT USAGE ON DOMAIN d1 TO sd_alice;
CREATE DOMAIN d2 AS integer;
REVOKE USAGE ON DOMAIN d2 FROM PUBLIC;
GRANT USAGE ON DOMAIN d2 TO sd_bob;
CREATE DOMAIN d3 AS integer;
CREATE TABLE t (v d1);
