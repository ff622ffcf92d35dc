-- covers: a materialized view's populated state: created WITH NO DATA, dropped unpopulated, populated by REFRESH and emptied by REFRESH ... WITH NO DATA
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE MATERIALIZED VIEW biggest AS SELECT max(amount) AS top FROM sales WITH NO DATA;
CREATE MATERIALIZED VIEW fresh AS SELECT min(amount) AS bottom FROM sales WITH NO DATA;
