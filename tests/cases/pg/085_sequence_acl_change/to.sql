-- roles: sd_alice, sd_bob
-- covers: sequence privileges: USAGE granted, SELECT widened to USAGE+SELECT+UPDATE, grant revoked
CREATE SEQUENCE s1;
GRANT USAGE ON SEQUENCE s1 TO sd_alice;
CREATE SEQUENCE s2;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE s2 TO sd_alice;
CREATE SEQUENCE s3;
CREATE TABLE t (id integer PRIMARY KEY);
