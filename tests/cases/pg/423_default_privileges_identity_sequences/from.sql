-- roles: sd_alice, sd_bob
-- Default privileges on sequences of the role running the script, dropped only after the
-- new tables exist: their identity sequences must still come out with B's privileges.
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO sd_bob;
CREATE SCHEMA s1;
ALTER DEFAULT PRIVILEGES IN SCHEMA s1 GRANT SELECT ON SEQUENCES TO sd_alice;
CREATE TABLE kept (id integer PRIMARY KEY);
INSERT INTO kept VALUES (1);
