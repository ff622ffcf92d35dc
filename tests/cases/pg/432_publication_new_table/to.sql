-- covers: a publication changed to name a table created in the same script, with a column added to a kept table in the same script in its column list and row filter, and a schema created in the same script; a new publication on a new table's new column
CREATE SCHEMA sales;
CREATE SCHEMA archive;
CREATE TABLE sales.orders (id integer PRIMARY KEY, amount numeric, status text);
INSERT INTO sales.orders VALUES (1, 10, NULL);
CREATE TABLE sales.refunds (id integer PRIMARY KEY, reason text);
CREATE PUBLICATION p_kept FOR TABLE sales.orders (id, status) WHERE (status <> 'draft'), sales.refunds;
CREATE PUBLICATION p_archive FOR TABLES IN SCHEMA archive;
CREATE PUBLICATION p_new FOR TABLE sales.refunds (id, reason) WHERE (reason IS NOT NULL);
