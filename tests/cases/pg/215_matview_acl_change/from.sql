-- roles: sd_alice, sd_bob
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT id FROM sale;
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale;
GRANT SELECT ON mv2 TO sd_alice;
CREATE MATERIALIZED VIEW mv3 AS SELECT id FROM sale;
GRANT SELECT ON mv3 TO sd_alice;
INSERT INTO sale VALUES (1, 'eu', 10.00), (2, 'us', 20.00), (3, 'eu', 5.50);
