-- roles: sd_alice, sd_bob
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric, region text);
CREATE TABLE public.note (id integer PRIMARY KEY, body text);
INSERT INTO public.note VALUES (1, 'kept');
CREATE PUBLICATION old_all FOR ALL TABLES WITH (publish = 'insert, update');
COMMENT ON PUBLICATION old_all IS 'goes';
CREATE PUBLICATION old_some FOR TABLE sales.orders (id, amount) WHERE (amount > 0) WITH (publish_via_partition_root = true);
CREATE PUBLICATION old_schema FOR TABLES IN SCHEMA public, sales;
ALTER PUBLICATION old_some OWNER TO sd_alice;
CREATE PUBLICATION old_empty;
