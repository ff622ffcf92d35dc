-- roles: sd_alice, sd_bob
CREATE TYPE address AS (street text, city varchar(40), zip text COLLATE "C");
ALTER TYPE address OWNER TO sd_alice;
REVOKE USAGE ON TYPE address FROM PUBLIC;
GRANT USAGE ON TYPE address TO sd_bob;
COMMENT ON TYPE address IS 'postal address';
CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL, home address);
INSERT INTO customer VALUES (1, 'ann', ROW('Main St', 'Springfield', '12345')), (2, 'bob', NULL);
