-- roles: sd_alice, sd_bob
-- covers: publications changed in place: tables replaced (SET TABLE: a column list and a row filter changed, a table added, one removed), schemas replaced, a schema added to a table list, every table and schema removed (DROP), publish list and publish_via_partition_root changed, owner changed, comment changed, added and dropped; FOR ALL TABLES turned on and off (dropped and created)
CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric, region text);
CREATE TABLE sales.items (id integer PRIMARY KEY, sku text);
CREATE TABLE hr.staff (id integer PRIMARY KEY, name text);
INSERT INTO sales.orders VALUES (1, 10, 'eu');
CREATE PUBLICATION p_tables FOR TABLE sales.orders (id, region) WHERE (region IS NOT NULL), hr.staff (id);
CREATE PUBLICATION p_options WITH (publish = 'update, truncate', publish_via_partition_root = true);
ALTER PUBLICATION p_options OWNER TO sd_bob;
COMMENT ON PUBLICATION p_options IS 'new comment';
CREATE PUBLICATION p_emptied;
CREATE PUBLICATION p_schemas FOR TABLES IN SCHEMA sales, TABLE hr.staff;
CREATE PUBLICATION p_all FOR ALL TABLES;
CREATE PUBLICATION p_not_all FOR TABLES IN SCHEMA hr;
CREATE PUBLICATION p_commented;
COMMENT ON PUBLICATION p_tables IS 'added';
