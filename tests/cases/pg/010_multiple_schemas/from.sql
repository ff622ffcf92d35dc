CREATE SCHEMA sales;
CREATE SCHEMA inventory;
CREATE TABLE inventory.items (id integer PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE sales.items (id integer PRIMARY KEY, item_id integer NOT NULL, qty integer NOT NULL);
INSERT INTO inventory.items VALUES (1, 'A-1'), (2, 'B-2');
INSERT INTO sales.items VALUES (100, 1, 5), (101, 2, 1);
