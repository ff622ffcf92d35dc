-- roles: sd_evt_super
-- covers: event triggers (database-wide): dropped first (one that blocks DROP TABLE, DROP FUNCTION, CREATE TABLE and CREATE FUNCTION, enabled ALWAYS, with owner and comment; its function dropped after it); created last (one with WHEN TAG IN, owner and comment that blocks the CREATE TABLE the script runs, one ENABLE REPLICA on sql_drop, one on ddl_command_end without tags), their new functions first
ALTER ROLE sd_evt_super SUPERUSER;
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE t_new (id integer PRIMARY KEY, kept_id integer REFERENCES kept);
CREATE FUNCTION et_new_fn() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'blocked by et_new: %', tg_tag; END$$;
CREATE FUNCTION et_log_fn() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl: %', tg_tag; END$$;
CREATE EVENT TRIGGER et_new ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
    EXECUTE FUNCTION et_new_fn();
ALTER EVENT TRIGGER et_new OWNER TO sd_evt_super;
COMMENT ON EVENT TRIGGER et_new IS 'created after every other change';
CREATE EVENT TRIGGER "Et Replica" ON sql_drop EXECUTE FUNCTION et_new_fn();
ALTER EVENT TRIGGER "Et Replica" ENABLE REPLICA;
CREATE EVENT TRIGGER et_log ON ddl_command_end EXECUTE FUNCTION et_log_fn();
