-- roles: sd_alice, sd_bob
CREATE DOMAIN d1 AS integer;
CREATE DOMAIN d2 AS integer;
ALTER DOMAIN d2 OWNER TO sd_alice;
CREATE TABLE t (v d1);
INSERT INTO t VALUES (1);
