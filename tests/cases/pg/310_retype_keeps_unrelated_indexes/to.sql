-- covers: one column's type changes on a table with several indexes, constraints, triggers and views: only those that use the column (an index on it, one with it in INCLUDE, a view selecting it, a materialized view of the row type, which blocks ALTER COLUMN TYPE) are dropped and created again; the indexes, constraints, triggers and views on other columns or on the table as a whole stay (expect_not.txt)
CREATE TABLE item (id integer PRIMARY KEY, code varchar(40), name text, qty integer, price numeric(8,2), note text);
CREATE INDEX item_code_idx ON item (code);
CREATE INDEX item_name_idx ON item (name);
CREATE INDEX item_qty_price_idx ON item (qty, price);
CREATE UNIQUE INDEX item_name_lower_idx ON item (lower(name));
CREATE INDEX item_note_part_idx ON item (note) WHERE qty > 0;
CREATE INDEX item_code_note_idx ON item (note) INCLUDE (code);
ALTER TABLE item ADD CONSTRAINT item_name_key UNIQUE (name);
ALTER TABLE item ADD CONSTRAINT item_qty_check CHECK (qty >= 0);
CREATE FUNCTION item_touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER item_touch BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION item_touch();
CREATE TRIGGER item_qty_touch BEFORE UPDATE OF qty ON item FOR EACH ROW EXECUTE FUNCTION item_touch();
CREATE MATERIALIZED VIEW item_count AS SELECT count(*) AS n FROM item;
CREATE MATERIALIZED VIEW item_rows AS SELECT item FROM item;
CREATE VIEW item_names AS SELECT id, name FROM item;
CREATE VIEW item_codes AS SELECT id, code FROM item;
CREATE VIEW item_total AS SELECT count(*) AS n FROM item;
CREATE VIEW item_whole AS SELECT item FROM item;
