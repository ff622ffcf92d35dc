-- roles: sd_alice, sd_bob
-- covers: publications created FOR ALL TABLES (publish list, comment), FOR TABLE with a column list and a row filter (publish_via_partition_root, owner), TABLES IN SCHEMA with a table and a row filter, with a quoted name, a quoted table and column, and with nothing; publications dropped (FOR ALL TABLES with a comment, one with a table's columns and row filter, one with two schemas, an empty one)
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric, region text);
CREATE TABLE public.note (id integer PRIMARY KEY, body text);
CREATE TABLE sales."Odd Table" ("Mixed Col" integer, plain text);
INSERT INTO public.note VALUES (1, 'kept');
CREATE PUBLICATION everything FOR ALL TABLES WITH (publish = 'insert, delete');
COMMENT ON PUBLICATION everything IS 'all of it';
CREATE PUBLICATION orders_pub FOR TABLE sales.orders (id, region) WHERE (region <> 'test' AND amount IS NOT NULL) WITH (publish_via_partition_root = true);
CREATE PUBLICATION schema_pub FOR TABLES IN SCHEMA public, TABLE sales.orders WHERE (amount > 0);
ALTER PUBLICATION orders_pub OWNER TO sd_bob;
CREATE PUBLICATION "Odd Pub" FOR TABLE sales."Odd Table" ("Mixed Col") WHERE ("Mixed Col" > 1), sales.orders;
CREATE PUBLICATION nothing_yet WITH (publish = '');
