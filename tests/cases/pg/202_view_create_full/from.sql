-- roles: sd_alice, sd_bob
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
INSERT INTO users VALUES (1, 'ann', 30, true), (2, 'bob', 17, false), (3, 'cy', 45, true);
