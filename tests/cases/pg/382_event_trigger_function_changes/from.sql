CREATE SCHEMA evt;
CREATE TABLE kept (id integer PRIMARY KEY);
INSERT INTO kept VALUES (1), (2), (3);
CREATE FUNCTION fn_a() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'fn_a: %', tg_tag; END$$;
CREATE FUNCTION fn_b() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'fn_b: %', tg_tag; END$$;
-- Its function is dropped (and another takes its place): the trigger goes first.
CREATE EVENT TRIGGER et_name ON ddl_command_start WHEN TAG IN ('DROP FUNCTION', 'CREATE TABLE')
    EXECUTE FUNCTION fn_a();
-- Its function moves to another schema (a different function of the same name).
CREATE EVENT TRIGGER et_schema ON ddl_command_end EXECUTE FUNCTION fn_b();
COMMENT ON EVENT TRIGGER et_schema IS 'kept across the rebuild';
-- Its function's body changes (CREATE OR REPLACE): the trigger stays.
CREATE FUNCTION fn_body() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'old body'; END$$;
CREATE EVENT TRIGGER et_body ON sql_drop EXECUTE FUNCTION fn_body();
