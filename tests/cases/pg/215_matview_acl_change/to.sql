-- roles: sd_alice, sd_bob
-- covers: materialized view privileges: granted, revoked, grantee changed
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT id FROM sale;
GRANT SELECT ON mv1 TO sd_bob;
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale;
CREATE MATERIALIZED VIEW mv3 AS SELECT id FROM sale;
GRANT SELECT ON mv3 TO sd_bob;
