-- roles: sd_alice, sd_bob
-- covers: default privileges set before tables are created in B, so B tables carry the granted ACL (existing table needs an explicit GRANT)
CREATE SCHEMA rpt;
ALTER DEFAULT PRIVILEGES IN SCHEMA rpt GRANT SELECT ON TABLES TO sd_bob;
ALTER DEFAULT PRIVILEGES IN SCHEMA rpt GRANT SELECT, USAGE ON SEQUENCES TO sd_bob;
CREATE TABLE rpt.daily (day date PRIMARY KEY, total integer NOT NULL);
CREATE SEQUENCE rpt.run_seq;
CREATE TABLE rpt.weekly (week date PRIMARY KEY, total integer NOT NULL);
