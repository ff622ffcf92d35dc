-- roles: sd_alice, sd_bob
-- covers: foreign servers changed in place (ALTER SERVER): a version changed and one removed (VERSION NULL), options set, dropped and added, owner changed, USAGE revoked and granted, comment removed and added; a type change and a wrapper change (no ALTER for either) drop and create the server, its user mappings dropped before and created again after; a user mapping of a server changed in place is left alone
CREATE FOREIGN DATA WRAPPER wrapper_a;
CREATE FOREIGN DATA WRAPPER wrapper_b;
GRANT USAGE ON FOREIGN DATA WRAPPER wrapper_a TO sd_alice, sd_bob;
CREATE SERVER versioned VERSION '1.1' FOREIGN DATA WRAPPER wrapper_a OPTIONS (host 'b', dbname 'x', sslmode 'require');
COMMENT ON SERVER versioned IS 'new';
CREATE SERVER unversioned FOREIGN DATA WRAPPER wrapper_a;
ALTER SERVER unversioned OWNER TO sd_bob;
GRANT USAGE ON FOREIGN SERVER unversioned TO sd_alice;
CREATE SERVER retyped TYPE 'new' FOREIGN DATA WRAPPER wrapper_a OPTIONS (a '1');
GRANT USAGE ON FOREIGN SERVER retyped TO sd_bob;
CREATE USER MAPPING FOR sd_alice SERVER retyped;
CREATE USER MAPPING FOR PUBLIC SERVER retyped;
CREATE SERVER rewrapped FOREIGN DATA WRAPPER wrapper_b;
CREATE USER MAPPING FOR sd_bob SERVER rewrapped;
CREATE USER MAPPING FOR sd_bob SERVER versioned;
CREATE TABLE note (id integer PRIMARY KEY, body text);
