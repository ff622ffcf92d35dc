-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER wrapper;
CREATE SERVER remote FOREIGN DATA WRAPPER wrapper OPTIONS (port '5432', host 'a');
CREATE SERVER fresh FOREIGN DATA WRAPPER wrapper;
CREATE USER MAPPING FOR sd_alice SERVER remote OPTIONS (user 'alice', password 'old-secret', dbname 'x', password_required 'true');
CREATE USER MAPPING FOR sd_bob SERVER remote OPTIONS (user 'bob', sslpassword 'k', odbc_PWD 'p');
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS ("Odd Name" 'it''s', api_key 't');
CREATE USER MAPPING FOR sd_alice SERVER fresh OPTIONS (password 'same');
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
