-- roles: sd_alice, sd_bob
-- covers: user mappings created (for a role, for PUBLIC, on a new server) without options, and dropped (one with options, for PUBLIC); a kept mapping keeps its options (a secret, password, read as its name alone)
CREATE FOREIGN DATA WRAPPER wrapper;
CREATE SERVER remote FOREIGN DATA WRAPPER wrapper;
CREATE SERVER other FOREIGN DATA WRAPPER wrapper;
CREATE SERVER fresh FOREIGN DATA WRAPPER wrapper;
CREATE USER MAPPING FOR sd_alice SERVER remote OPTIONS (user 'alice', password 'secret-a');
CREATE USER MAPPING FOR PUBLIC SERVER remote;
CREATE USER MAPPING FOR sd_bob SERVER remote;
CREATE USER MAPPING FOR sd_alice SERVER fresh;
CREATE USER MAPPING FOR PUBLIC SERVER fresh;
CREATE TABLE note (id integer PRIMARY KEY, body text);
