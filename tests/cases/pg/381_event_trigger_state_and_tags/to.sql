-- roles: sd_evt_super, sd_evt_super2
-- covers: event trigger changes: enabled state (ENABLE -> DISABLE written before the script's CREATE TABLE it would block; DISABLE -> ENABLE ALWAYS written after the script's DROP TABLE it would block; REPLICA -> ENABLE; ALWAYS -> REPLICA), tags added and removed (DROP + CREATE, last), event changed (DROP + CREATE), owner and comment changed in place
ALTER ROLE sd_evt_super SUPERUSER;
ALTER ROLE sd_evt_super2 SUPERUSER;
CREATE TABLE kept (id integer PRIMARY KEY, note text);
CREATE TABLE t_new (id integer PRIMARY KEY);
CREATE FUNCTION et_block() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'blocked: %', tg_tag; END$$;
CREATE FUNCTION et_note() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl: %', tg_tag; END$$;
CREATE EVENT TRIGGER et_a ON ddl_command_start WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION et_block();
ALTER EVENT TRIGGER et_a DISABLE;
CREATE EVENT TRIGGER et_b ON ddl_command_start WHEN TAG IN ('DROP TABLE')
    EXECUTE FUNCTION et_block();
ALTER EVENT TRIGGER et_b ENABLE ALWAYS;
CREATE EVENT TRIGGER et_c ON ddl_command_end WHEN TAG IN ('CREATE INDEX', 'DROP INDEX')
    EXECUTE FUNCTION et_note();
ALTER EVENT TRIGGER et_c OWNER TO sd_evt_super2;
COMMENT ON EVENT TRIGGER et_c IS 'new comment';
CREATE EVENT TRIGGER et_d ON sql_drop EXECUTE FUNCTION et_note();
CREATE EVENT TRIGGER et_e ON ddl_command_start EXECUTE FUNCTION et_note();
ALTER EVENT TRIGGER et_e ENABLE REPLICA;
