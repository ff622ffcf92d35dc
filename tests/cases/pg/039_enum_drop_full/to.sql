-- roles: sd_alice, sd_bob
-- covers: dropping an enum with owner, privileges and comment together with the column that used it (destructive)
CREATE TABLE diary (id integer PRIMARY KEY, entry text);
