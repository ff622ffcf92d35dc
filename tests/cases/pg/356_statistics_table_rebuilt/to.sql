-- roles: sd_alice
-- covers: statistics objects kept while their table is rebuilt: a table rebuilt for --strict-column-order (args) keeps one with a target, an owner and a comment and one on an expression alone in another schema; a partitioned table rebuilt for its partition key (RANGE -> LIST) keeps one on a column and an expression (target 0, a comment) and one on columns; one on a partition that goes with its parent is created again on the new partition; one on a table neither rebuilt nor changed stays (expect_not.txt)
CREATE SCHEMA app;
CREATE SCHEMA "Stats Elsewhere";
CREATE TABLE app.person (id integer PRIMARY KEY, zip text, city text, age integer);
CREATE STATISTICS app.person_city_zip (dependencies) ON city, zip FROM app.person;
ALTER STATISTICS app.person_city_zip SET STATISTICS 200;
ALTER STATISTICS app.person_city_zip OWNER TO sd_alice;
COMMENT ON STATISTICS app.person_city_zip IS 'kept across the rebuild';
CREATE STATISTICS "Stats Elsewhere".person_lower ON (lower(city)) FROM app.person;
CREATE TABLE app.events (id integer NOT NULL, region text NOT NULL, kind text, amount integer)
    PARTITION BY LIST (region);
CREATE TABLE app.events_low PARTITION OF app.events FOR VALUES IN ('north');
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;
CREATE STATISTICS app.events_kind_amount (ndistinct, mcv) ON kind, (amount * 2) FROM app.events;
ALTER STATISTICS app.events_kind_amount SET STATISTICS 0;
COMMENT ON STATISTICS app.events_kind_amount IS 'on a partitioned table';
CREATE STATISTICS app.events_region ON region, kind FROM app.events;
CREATE STATISTICS app.events_low_stats ON kind, amount FROM app.events_low;
CREATE TABLE app.other (a integer, b integer);
CREATE STATISTICS app.other_ab ON a, b FROM app.other;
