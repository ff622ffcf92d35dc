-- roles: sd_alice, sd_bob
-- covers: view privileges: granted, widened, revoked, grantee changed
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id FROM users;
GRANT SELECT ON v1 TO sd_alice;
CREATE VIEW v2 AS SELECT id FROM users;
GRANT SELECT, INSERT, UPDATE ON v2 TO sd_alice;
CREATE VIEW v3 AS SELECT id FROM users;
CREATE VIEW v4 AS SELECT id FROM users;
GRANT SELECT ON v4 TO sd_bob;
