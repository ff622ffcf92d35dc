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
CREATE FUNCTION count_changes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER t1 AFTER INSERT ON item FOR EACH ROW EXECUTE FUNCTION log_stmt();
CREATE TRIGGER t2 AFTER INSERT ON item FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER t3 AFTER UPDATE ON item REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION count_changes();
INSERT INTO item VALUES (1, 9.99, 3, NULL), (2, 1.00, 0, NULL);
