-- roles: sd_alice, sd_bob
-- covers: dropping a domain with every field set, together with the column that used it (destructive)
CREATE TABLE address (id integer PRIMARY KEY, street text NOT NULL);
