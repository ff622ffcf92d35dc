-- roles: sd_alice, sd_bob
-- covers: dropping materialized views with owner, grant and comment
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
