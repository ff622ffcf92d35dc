CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT region, sum(amount) AS total FROM sale GROUP BY region;
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale WHERE amount > 5;
INSERT INTO sale VALUES (1, 'eu', 10.00), (2, 'us', 20.00), (3, 'eu', 5.50);
