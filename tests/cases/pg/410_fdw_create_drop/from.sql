-- roles: sd_alice, sd_bob
CREATE EXTENSION file_fdw;
CREATE FUNCTION old_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FOREIGN DATA WRAPPER old_wrapper HANDLER file_fdw_handler VALIDATOR old_validator OPTIONS (debug 'true', "Mixed Case" 'it''s');
COMMENT ON FOREIGN DATA WRAPPER old_wrapper IS 'goes';
GRANT USAGE ON FOREIGN DATA WRAPPER old_wrapper TO sd_alice;
CREATE FOREIGN DATA WRAPPER bare_wrapper;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
