-- roles: sd_alice, sd_bob
-- covers: all policies dropped and RLS disabled on a table with rows
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
