-- roles: sd_alice, sd_bob
-- covers: materialized view owner changes
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT id FROM sale;
ALTER MATERIALIZED VIEW mv1 OWNER TO sd_bob;
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale;
