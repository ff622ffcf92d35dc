-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER wrapper;
CREATE SERVER remote FOREIGN DATA WRAPPER wrapper;
CREATE SERVER other FOREIGN DATA WRAPPER wrapper;
CREATE USER MAPPING FOR sd_alice SERVER remote OPTIONS (user 'alice', password 'secret-a');
CREATE USER MAPPING FOR PUBLIC SERVER other;
CREATE USER MAPPING FOR sd_bob SERVER other OPTIONS (password 'secret-b');
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
