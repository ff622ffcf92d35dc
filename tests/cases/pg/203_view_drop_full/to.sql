-- roles: sd_alice, sd_bob
-- covers: dropping views that have options, owner, grants and comments (a view on a view too)
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
