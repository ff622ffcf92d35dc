-- roles: sd_evt_super, sd_evt_super2
ALTER ROLE sd_evt_super SUPERUSER;
ALTER ROLE sd_evt_super2 SUPERUSER;
CREATE TABLE t_gone (id integer PRIMARY KEY);
INSERT INTO t_gone VALUES (1);
CREATE TABLE kept (id integer PRIMARY KEY, note text);
INSERT INTO kept VALUES (1, 'x'), (2, 'y');
CREATE FUNCTION et_block() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'blocked: %', tg_tag; END$$;
CREATE FUNCTION et_note() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl: %', tg_tag; END$$;
-- Enabled, disabled by the script before its CREATE TABLE.
CREATE EVENT TRIGGER et_a ON ddl_command_start WHEN TAG IN ('CREATE TABLE')
    EXECUTE FUNCTION et_block();
-- Disabled, enabled ALWAYS by the script after its DROP TABLE.
CREATE EVENT TRIGGER et_b ON ddl_command_start WHEN TAG IN ('DROP TABLE')
    EXECUTE FUNCTION et_block();
ALTER EVENT TRIGGER et_b DISABLE;
-- Tags change (recreated last), owner and comment change.
CREATE EVENT TRIGGER et_c ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
    EXECUTE FUNCTION et_note();
ALTER EVENT TRIGGER et_c OWNER TO sd_evt_super;
COMMENT ON EVENT TRIGGER et_c IS 'old comment';
-- Event changes; REPLICA becomes plain enabled.
CREATE EVENT TRIGGER et_d ON ddl_command_end EXECUTE FUNCTION et_note();
ALTER EVENT TRIGGER et_d ENABLE REPLICA;
-- Tags go; ALWAYS becomes REPLICA.
CREATE EVENT TRIGGER et_e ON ddl_command_start WHEN TAG IN ('ALTER TABLE', 'DROP VIEW')
    EXECUTE FUNCTION et_note();
ALTER EVENT TRIGGER et_e ENABLE ALWAYS;
