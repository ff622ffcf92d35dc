-- roles: sd_alice, sd_bob
-- covers: foreign-data wrappers changed in place (ALTER FOREIGN DATA WRAPPER): a handler added and one removed (NO HANDLER), a validator changed and one removed (NO VALIDATOR), options dropped, set and added in place (OPTIONS (DROP / SET / ADD)), options in another order (no drift: compared sorted by name, as pg_dump writes them) with one dropped and one added, owner changed (to the script's superuser from one of our own: a wrapper's owner must be a superuser), USAGE granted and revoked, comment changed and added
-- a foreign-data wrapper's owner must be a superuser: one of our own (cluster-wide, so made only if missing)
DO $$
BEGIN
  CREATE ROLE sd_fdw_super SUPERUSER NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
CREATE EXTENSION file_fdw;
CREATE FUNCTION check_one(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FUNCTION check_two(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FOREIGN DATA WRAPPER gains_handler HANDLER file_fdw_handler VALIDATOR check_two OPTIONS (host 'b', mode 'x', extra 'new');
COMMENT ON FOREIGN DATA WRAPPER gains_handler IS 'new comment';
CREATE FOREIGN DATA WRAPPER loses_handler OPTIONS (a '1', b '2');
CREATE FOREIGN DATA WRAPPER reordered OPTIONS (c '3', a '1', d '4');
COMMENT ON FOREIGN DATA WRAPPER reordered IS 'new comment';
CREATE FOREIGN DATA WRAPPER owned;
GRANT USAGE ON FOREIGN DATA WRAPPER owned TO sd_alice;
CREATE TABLE note (id integer PRIMARY KEY, body text);
