-- covers: event triggers whose function changes: to a new function while the old one is dropped (the trigger dropped first, so neither it nor its DROP FUNCTION is blocked, created last), to a function of the same name in another schema (function_schema), a function whose body changes (CREATE OR REPLACE, the trigger kept)
CREATE SCHEMA evt;
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE added (id integer PRIMARY KEY);
CREATE FUNCTION fn_c() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'fn_c: %', tg_tag; END$$;
CREATE FUNCTION fn_b() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'fn_b: %', tg_tag; END$$;
CREATE FUNCTION evt.fn_b() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'evt.fn_b: %', tg_tag; END$$;
CREATE EVENT TRIGGER et_name ON ddl_command_start WHEN TAG IN ('DROP FUNCTION', 'CREATE TABLE')
    EXECUTE FUNCTION fn_c();
CREATE EVENT TRIGGER et_schema ON ddl_command_end EXECUTE FUNCTION evt.fn_b();
COMMENT ON EVENT TRIGGER et_schema IS 'kept across the rebuild';
CREATE FUNCTION fn_body() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'new body'; END$$;
CREATE EVENT TRIGGER et_body ON sql_drop EXECUTE FUNCTION fn_body();
