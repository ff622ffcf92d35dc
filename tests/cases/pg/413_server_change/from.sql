-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER wrapper_a;
CREATE FOREIGN DATA WRAPPER wrapper_b;
GRANT USAGE ON FOREIGN DATA WRAPPER wrapper_a TO sd_alice, sd_bob;
CREATE SERVER versioned VERSION '1.0' FOREIGN DATA WRAPPER wrapper_a OPTIONS (host 'a', port '1', dbname 'x');
CREATE SERVER unversioned VERSION '2.0' FOREIGN DATA WRAPPER wrapper_a;
ALTER SERVER unversioned OWNER TO sd_alice;
GRANT USAGE ON FOREIGN SERVER unversioned TO sd_bob;
COMMENT ON SERVER unversioned IS 'old';
CREATE SERVER retyped TYPE 'old' FOREIGN DATA WRAPPER wrapper_a OPTIONS (a '1');
GRANT USAGE ON FOREIGN SERVER retyped TO sd_bob;
CREATE USER MAPPING FOR sd_alice SERVER retyped;
CREATE USER MAPPING FOR PUBLIC SERVER retyped;
CREATE SERVER rewrapped FOREIGN DATA WRAPPER wrapper_a;
CREATE USER MAPPING FOR sd_bob SERVER rewrapped;
CREATE USER MAPPING FOR sd_bob SERVER versioned;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
