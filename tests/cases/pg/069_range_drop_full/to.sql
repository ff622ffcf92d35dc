-- roles: sd_alice, sd_bob
-- covers: dropping a range type with owner, grant and comment, and the column using it (destructive)
CREATE TABLE sensor (id integer PRIMARY KEY, name text NOT NULL);
