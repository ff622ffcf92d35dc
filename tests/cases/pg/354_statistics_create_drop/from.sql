-- roles: sd_alice
CREATE TABLE person (id integer PRIMARY KEY, city text, zip text, age integer);
CREATE STATISTICS person_city_zip ON city, zip FROM person;
COMMENT ON STATISTICS person_city_zip IS 'dropped with a comment';
CREATE TABLE legacy (a integer, b integer);
CREATE STATISTICS legacy_ab (dependencies) ON a, b FROM legacy;
ALTER STATISTICS legacy_ab SET STATISTICS 50;
ALTER STATISTICS legacy_ab OWNER TO sd_alice;
INSERT INTO person VALUES (1, 'Oslo', '0150', 30), (2, 'Bergen', '5003', 41);
