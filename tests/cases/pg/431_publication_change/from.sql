-- roles: sd_alice, sd_bob
CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric, region text);
CREATE TABLE sales.items (id integer PRIMARY KEY, sku text);
CREATE TABLE hr.staff (id integer PRIMARY KEY, name text);
INSERT INTO sales.orders VALUES (1, 10, 'eu');
CREATE PUBLICATION p_tables FOR TABLE sales.orders (id, amount) WHERE (amount > 0), sales.items;
CREATE PUBLICATION p_options WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);
ALTER PUBLICATION p_options OWNER TO sd_alice;
COMMENT ON PUBLICATION p_options IS 'old comment';
CREATE PUBLICATION p_emptied FOR TABLE sales.items, TABLES IN SCHEMA hr;
CREATE PUBLICATION p_schemas FOR TABLES IN SCHEMA hr;
CREATE PUBLICATION p_all FOR TABLE sales.items;
CREATE PUBLICATION p_not_all FOR ALL TABLES;
CREATE PUBLICATION p_commented;
COMMENT ON PUBLICATION p_commented IS 'goes';
