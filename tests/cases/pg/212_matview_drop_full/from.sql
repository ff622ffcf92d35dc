-- roles: sd_alice, sd_bob
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS total, count(*) AS n FROM sale GROUP BY region;
ALTER MATERIALIZED VIEW sales_by_region OWNER TO sd_alice;
GRANT SELECT ON sales_by_region TO sd_bob;
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'refreshed nightly';
CREATE MATERIALIZED VIEW big_sales AS SELECT id, amount FROM sale WHERE amount > 10 WITH NO DATA;
INSERT INTO sale VALUES (1, 'eu', 10.00), (2, 'us', 20.00), (3, 'eu', 5.50);
