-- covers: storage parameters (reloptions): table options changed (one set, one reset), TOAST options added to a kept table, a new table with options and a dropped one; index options changed, added to a kept index, a new index WITH (...) (hash) and a dropped one; matview options changed, a new matview with options and a dropped one (options in key order: PostgreSQL keeps them in the order set, which pg_dump shows)
CREATE TABLE item (id integer PRIMARY KEY, name text, qty integer) WITH (fillfactor = 80);
CREATE TABLE plain_t (id integer PRIMARY KEY, note text) WITH (toast.autovacuum_enabled = false, autovacuum_vacuum_scale_factor = 0.05);
CREATE TABLE new_t (id integer, v text) WITH (fillfactor = 60, toast.autovacuum_enabled = true);
CREATE INDEX item_name ON item (name) WITH (fillfactor = 90);
CREATE INDEX item_qty ON item (qty) WITH (deduplicate_items = off);
CREATE INDEX item_new ON item USING hash (name) WITH (fillfactor = 75);
CREATE MATERIALIZED VIEW item_mv WITH (autovacuum_enabled = true, fillfactor = 70) AS SELECT id, name FROM item;
CREATE MATERIALIZED VIEW new_mv WITH (fillfactor = 30) AS SELECT id, qty FROM item;
