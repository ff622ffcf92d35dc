-- roles: sd_alice, sd_bob
-- covers: dropping an UNLOGGED table with owner, grants and comment, holding rows (destructive)
CREATE TABLE kept (id integer PRIMARY KEY);
