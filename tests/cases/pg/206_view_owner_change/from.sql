-- roles: sd_alice, sd_bob
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW v1 AS SELECT id FROM users;
CREATE VIEW v2 AS SELECT name FROM users;
ALTER VIEW v2 OWNER TO sd_alice;
INSERT INTO users VALUES (1, 'ann', 30, true), (2, 'bob', 17, false), (3, 'cy', 45, true);
