-- roles: sd_alice, sd_bob
-- covers: user mapping options compared (sorted by name, as pg_dump writes them) and changed in place with ALTER USER MAPPING ... OPTIONS: user and password_required set, sslcert added, an option that may hold a secret (dbname: only user, username, password_required, sslcert and sslkey are read with their values) dropped, in one list; secrets (password, a quoted name, api_key) kept while their values differ (never read), secrets (sslpassword, odbc_PWD) dropped; a mapping created with its options, a quote in a value; a mapping with only a secret left alone; a server's options in another order are no drift
CREATE FOREIGN DATA WRAPPER wrapper;
CREATE SERVER remote FOREIGN DATA WRAPPER wrapper OPTIONS (host 'a', port '5432');
CREATE SERVER fresh FOREIGN DATA WRAPPER wrapper;
CREATE USER MAPPING FOR sd_alice SERVER remote OPTIONS (user 'alice2', password 'new-secret', sslcert '/c', password_required 'false');
CREATE USER MAPPING FOR sd_bob SERVER remote OPTIONS (user 'bob');
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS ("Odd Name" 'it''s ok', api_key 'u');
CREATE USER MAPPING FOR sd_alice SERVER fresh OPTIONS (password 'same');
CREATE USER MAPPING FOR sd_bob SERVER fresh OPTIONS ("user" 'b', sslkey '/k''s');
CREATE TABLE note (id integer PRIMARY KEY, body text);
