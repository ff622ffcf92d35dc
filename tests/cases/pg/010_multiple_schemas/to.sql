-- covers: several schemas with same-named tables, cross-schema FK and a reporting view joining both
CREATE SCHEMA sales;
CREATE SCHEMA inventory;
CREATE SCHEMA reporting;
CREATE TABLE inventory.items (id integer PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE sales.items (
    id integer PRIMARY KEY,
    item_id integer NOT NULL REFERENCES inventory.items (id),
    qty integer NOT NULL
);
CREATE TABLE reporting.items (sku text PRIMARY KEY, sold bigint NOT NULL DEFAULT 0);
CREATE VIEW reporting.sold AS
    SELECT i.sku, sum(s.qty) AS qty FROM sales.items s JOIN inventory.items i ON i.id = s.item_id GROUP BY i.sku;
