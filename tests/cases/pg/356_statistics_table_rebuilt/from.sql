-- roles: sd_alice
CREATE SCHEMA app;
CREATE SCHEMA "Stats Elsewhere";
-- Rebuilt for --strict-column-order (args): its columns change place.
CREATE TABLE app.person (id integer PRIMARY KEY, city text, zip text, age integer);
CREATE STATISTICS app.person_city_zip (dependencies) ON city, zip FROM app.person;
ALTER STATISTICS app.person_city_zip SET STATISTICS 200;
ALTER STATISTICS app.person_city_zip OWNER TO sd_alice;
COMMENT ON STATISTICS app.person_city_zip IS 'kept across the rebuild';
CREATE STATISTICS "Stats Elsewhere".person_lower ON (lower(city)) FROM app.person;
-- Rebuilt for its partition key: RANGE (id) -> LIST (region).
CREATE TABLE app.events (id integer NOT NULL, region text NOT NULL, kind text, amount integer)
    PARTITION BY RANGE (id);
CREATE TABLE app.events_low PARTITION OF app.events FOR VALUES FROM (0) TO (1000);
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;
CREATE STATISTICS app.events_kind_amount (ndistinct, mcv) ON kind, (amount * 2) FROM app.events;
ALTER STATISTICS app.events_kind_amount SET STATISTICS 0;
COMMENT ON STATISTICS app.events_kind_amount IS 'on a partitioned table';
CREATE STATISTICS app.events_region ON region, kind FROM app.events;
CREATE STATISTICS app.events_low_stats ON kind, amount FROM app.events_low;
-- Neither rebuilt nor changed: its statistics object stays.
CREATE TABLE app.other (a integer, b integer);
CREATE STATISTICS app.other_ab ON a, b FROM app.other;
INSERT INTO app.person VALUES (1, 'Oslo', '0150', 30), (2, 'Bergen', '5003', 41);
INSERT INTO app.events VALUES (1, 'north', 'click', 3), (2000, 'south', 'view', 5);
INSERT INTO app.other VALUES (1, 2);
