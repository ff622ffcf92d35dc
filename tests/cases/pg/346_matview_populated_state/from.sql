CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(12,2) NOT NULL);
INSERT INTO sales VALUES (1, 'eu', 10), (2, 'us', 20), (3, 'eu', 5);
CREATE MATERIALIZED VIEW by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region WITH NO DATA;
CREATE MATERIALIZED VIEW biggest AS SELECT max(amount) AS top FROM sales;
CREATE MATERIALIZED VIEW stale AS SELECT count(*) AS n FROM sales WITH NO DATA;
