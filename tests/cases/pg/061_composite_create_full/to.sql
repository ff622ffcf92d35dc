-- roles: sd_alice, sd_bob
-- covers: new composite type with attributes (one with COLLATE "C"), owner, USAGE grant and comment, used by a new column
CREATE TYPE address AS (street text, city varchar(40), zip text COLLATE "C");
ALTER TYPE address OWNER TO sd_alice;
REVOKE USAGE ON TYPE address FROM PUBLIC;
GRANT USAGE ON TYPE address TO sd_bob;
COMMENT ON TYPE address IS 'postal address';
CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, home address);
