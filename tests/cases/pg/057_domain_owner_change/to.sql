-- roles: sd_alice, sd_bob
-- covers: domain owner changes: postgres -> sd_alice, sd_alice -> postgres
CREATE DOMAIN d1 AS integer;
ALTER DOMAIN d1 OWNER TO sd_alice;
CREATE DOMAIN d2 AS integer;
CREATE TABLE t (v d1);
