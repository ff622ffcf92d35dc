-- roles: sd_evt_super
ALTER ROLE sd_evt_super SUPERUSER;
CREATE TABLE t_old (id integer PRIMARY KEY, note text);
INSERT INTO t_old VALUES (1, 'a'), (2, 'b');
CREATE TABLE kept (id integer PRIMARY KEY);
INSERT INTO kept VALUES (1), (2);
-- Blocks the DDL it fires on: were it still there, the script's DROP TABLE and DROP FUNCTION
-- would fail.
CREATE FUNCTION et_old_fn() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'blocked by et_old: %', tg_tag; END$$;
CREATE EVENT TRIGGER et_old ON ddl_command_start
    WHEN TAG IN ('DROP TABLE', 'DROP FUNCTION', 'CREATE TABLE', 'CREATE FUNCTION')
    EXECUTE FUNCTION et_old_fn();
ALTER EVENT TRIGGER et_old ENABLE ALWAYS;
ALTER EVENT TRIGGER et_old OWNER TO sd_evt_super;
COMMENT ON EVENT TRIGGER et_old IS 'dropped before any other change';
