CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE customer (id integer NOT NULL, country text NOT NULL, name text) PARTITION BY LIST (country);
CREATE TABLE customer_eu PARTITION OF customer FOR VALUES IN ('de', 'fr');
CREATE TABLE customer_rest PARTITION OF customer DEFAULT;
INSERT INTO kept VALUES (1);
INSERT INTO customer VALUES (1, 'de', 'Hans'), (2, 'fr', 'Marie'), (3, 'jp', 'Aiko');
