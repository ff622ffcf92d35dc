-- roles: sd_alice, sd_bob
-- covers: a whole chain dropped (user mappings, their server, its wrapper, then the wrapper's validator function) and another created in dependency order (a validator function, the wrapper using it, a server on it with USAGE granted, user mappings on the server)
CREATE FUNCTION new_check(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FOREIGN DATA WRAPPER new_wrapper VALIDATOR new_check OPTIONS (mode 'strict');
CREATE SERVER new_server FOREIGN DATA WRAPPER new_wrapper OPTIONS (host 'h');
GRANT USAGE ON FOREIGN SERVER new_server TO sd_bob;
CREATE USER MAPPING FOR sd_bob SERVER new_server;
CREATE USER MAPPING FOR PUBLIC SERVER new_server;
CREATE TABLE note (id integer PRIMARY KEY, body text);
