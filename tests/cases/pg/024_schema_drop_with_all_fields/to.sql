-- roles: sd_alice, sd_bob
-- covers: dropping a schema that has an owner, grants, default privileges, a comment and a table with rows (destructive)
CREATE TABLE contact (id integer PRIMARY KEY, email text);
