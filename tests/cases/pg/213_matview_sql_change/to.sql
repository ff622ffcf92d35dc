-- covers: materialized view queries changed: column added, filter changed
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT region, sum(amount) AS total, avg(amount) AS mean FROM sale GROUP BY region;
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale WHERE amount > 15;
