-- roles: sd_alice, sd_bob
-- covers: view owner changes: postgres -> sd_alice, sd_alice -> sd_bob
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id FROM users;
ALTER VIEW v1 OWNER TO sd_alice;
CREATE VIEW v2 AS SELECT name FROM users;
ALTER VIEW v2 OWNER TO sd_bob;
