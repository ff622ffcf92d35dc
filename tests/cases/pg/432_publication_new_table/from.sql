CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric);
INSERT INTO sales.orders VALUES (1, 10);
CREATE PUBLICATION p_kept FOR TABLE sales.orders;
