-- roles: sd_alice, sd_bob
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id FROM users;
CREATE VIEW v2 AS SELECT id FROM users;
GRANT SELECT ON v2 TO sd_alice;
CREATE VIEW v3 AS SELECT id FROM users;
GRANT SELECT ON v3 TO sd_bob;
CREATE VIEW v4 AS SELECT id FROM users;
GRANT SELECT ON v4 TO sd_alice;
INSERT INTO users VALUES (1, 'ann', 30, true), (2, 'bob', 17, false), (3, 'cy', 45, true);
