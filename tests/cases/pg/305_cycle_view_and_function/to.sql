-- covers: dependency loops between new views and functions (SD_ERR_CYCLE before loop repair):
-- a view that calls a function returning the view's row type, and a view that calls a
-- function whose SQL-standard body (BEGIN ATOMIC) reads the view; both views are created as
-- stubs (SELECT NULL::type AS column) and replaced with their query after the function; a
-- materialized view that reads one is created once it has its query (the stub's NULL row
-- would divide by zero)
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
INSERT INTO item VALUES (1, 5), (2, 7), (3, 0);
CREATE VIEW in_stock AS SELECT 1 AS id, 1 AS qty;
CREATE FUNCTION in_stock_rows() RETURNS SETOF in_stock LANGUAGE sql STABLE
    AS 'SELECT id, qty FROM public.item WHERE qty > 0';
CREATE OR REPLACE VIEW in_stock AS
    SELECT id, qty FROM item WHERE EXISTS (SELECT 1 FROM in_stock_rows() r WHERE r.id = item.id);
CREATE VIEW item_share AS SELECT id, qty FROM item;
CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM item_share;
END;
CREATE OR REPLACE VIEW item_share AS
    SELECT id, qty, item_count() AS total, qty::numeric(12, 4) / 10 AS tenth FROM item;
CREATE MATERIALIZED VIEW in_stock_ids AS SELECT id FROM in_stock WHERE 1 / coalesce(id, 0) > 0;
