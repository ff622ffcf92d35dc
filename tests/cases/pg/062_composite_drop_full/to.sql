-- roles: sd_alice, sd_bob
-- covers: dropping a composite type with owner, grant and comment, and the column using it (destructive)
CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);
