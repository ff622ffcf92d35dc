-- roles: sd_alice, sd_bob
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
INSERT INTO doc VALUES (1, 'alice', 'draft', false), (2, 'bob', 'hello', true);
