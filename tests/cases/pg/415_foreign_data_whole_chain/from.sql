-- roles: sd_alice, sd_bob
CREATE FUNCTION old_check(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FOREIGN DATA WRAPPER old_wrapper VALIDATOR old_check;
CREATE SERVER old_server FOREIGN DATA WRAPPER old_wrapper;
CREATE USER MAPPING FOR sd_alice SERVER old_server;
CREATE USER MAPPING FOR PUBLIC SERVER old_server;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
