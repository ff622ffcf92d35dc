-- roles: sd_alice, sd_bob
-- covers: foreign-data wrappers created with a handler and a validator (an extension's handler, a validator of our own), options, owner, USAGE granted and a comment; one with no handler, validator or options; one dropped (handler, validator, options, USAGE granted, comment) before its validator function
-- a foreign-data wrapper's owner must be a superuser: one of our own (cluster-wide, so made only if missing)
DO $$
BEGIN
  CREATE ROLE sd_fdw_super SUPERUSER NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
CREATE EXTENSION file_fdw;
CREATE FUNCTION accept_all(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FOREIGN DATA WRAPPER files HANDLER file_fdw_handler VALIDATOR accept_all OPTIONS (b '2', a '1');
ALTER FOREIGN DATA WRAPPER files OWNER TO sd_fdw_super;
GRANT USAGE ON FOREIGN DATA WRAPPER files TO sd_bob WITH GRANT OPTION;
COMMENT ON FOREIGN DATA WRAPPER files IS 'file access';
CREATE FOREIGN DATA WRAPPER bare_wrapper;
CREATE FOREIGN DATA WRAPPER "Plain Wrapper";
CREATE TABLE note (id integer PRIMARY KEY, body text);
