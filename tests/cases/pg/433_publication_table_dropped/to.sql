-- covers: publications whose tables are dropped by the script: one keeps another table (SET TABLE), one loses every table and its schema (the drops take them along: nothing left to DROP), one loses a dropped table and a kept one (DROP of the kept one only)
CREATE SCHEMA sales;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric);
INSERT INTO sales.orders VALUES (1, 10);
CREATE PUBLICATION p_partly FOR TABLE sales.orders;
CREATE PUBLICATION p_wholly;
CREATE PUBLICATION p_mixed;
