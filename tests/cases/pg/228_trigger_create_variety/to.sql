-- covers: new triggers: BEFORE ROW with comment, AFTER UPDATE OF ... WHEN with an argument, AFTER DELETE OR TRUNCATE FOR EACH STATEMENT, deferrable constraint trigger, REFERENCING NEW TABLE transition table, INSTEAD OF on a view
CREATE TABLE item (id integer PRIMARY KEY, price numeric(10,2) NOT NULL, qty integer NOT NULL DEFAULT 0, updated_at timestamptz);
CREATE TABLE item_log (at timestamptz NOT NULL DEFAULT now(), msg text NOT NULL);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION log_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO item_log (msg) VALUES (TG_NAME || ' ' || TG_OP || coalesce(' ' || TG_ARGV[0], ''));
    RETURN NULL;
END
$$;
CREATE FUNCTION log_stmt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO item_log (msg) VALUES (TG_OP); RETURN NULL; END $$;
CREATE FUNCTION count_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO item_log (msg) SELECT 'inserted ' || count(*) FROM new_rows;
    RETURN NULL;
END
$$;
CREATE VIEW item_view AS SELECT id, price FROM item;
CREATE FUNCTION item_view_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO item (id, price) VALUES (NEW.id, NEW.price);
    RETURN NEW;
END
$$;
CREATE TRIGGER item_stamp BEFORE INSERT OR UPDATE ON item FOR EACH ROW EXECUTE FUNCTION stamp();
COMMENT ON TRIGGER item_stamp ON item IS 'keeps updated_at fresh';
CREATE TRIGGER item_price_log AFTER UPDATE OF price, qty ON item FOR EACH ROW
    WHEN (OLD.price IS DISTINCT FROM NEW.price) EXECUTE FUNCTION log_row('price');
CREATE TRIGGER item_delete_log AFTER DELETE OR TRUNCATE ON item FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE CONSTRAINT TRIGGER item_deferred_log AFTER INSERT OR UPDATE ON item DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION log_row();
CREATE TRIGGER item_bulk_insert AFTER INSERT ON item REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_new();
CREATE TRIGGER item_view_insert INSTEAD OF INSERT ON item_view FOR EACH ROW EXECUTE FUNCTION item_view_ins();
