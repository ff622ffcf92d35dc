-- roles: sd_alice, sd_bob
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
CREATE FOREIGN DATA WRAPPER gains_handler VALIDATOR check_one OPTIONS (host 'a', port '1', mode 'x');
CREATE FOREIGN DATA WRAPPER loses_handler HANDLER file_fdw_handler VALIDATOR check_two OPTIONS (a '1', b '2');
GRANT USAGE ON FOREIGN DATA WRAPPER loses_handler TO sd_bob;
CREATE FOREIGN DATA WRAPPER reordered OPTIONS (a '1', b '2', c '3');
COMMENT ON FOREIGN DATA WRAPPER reordered IS 'old comment';
CREATE FOREIGN DATA WRAPPER owned;
ALTER FOREIGN DATA WRAPPER owned OWNER TO sd_fdw_super;
GRANT USAGE ON FOREIGN DATA WRAPPER owned TO PUBLIC;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
