-- roles: sd_alice, sd_bob
-- covers: user mapping options compared (sorted by name, as pg_dump writes them) and changed in place with ALTER USER MAPPING ... OPTIONS: one set, one dropped and one added in one list, a secret (password) kept while its value differs (a secret's value is never read), a secret (sslpassword) dropped, a quoted option name with a quote in its value; a mapping created with its options; a mapping with only a secret left alone; a server's options in another order are no drift
CREATE FOREIGN DATA WRAPPER wrapper;
CREATE SERVER remote FOREIGN DATA WRAPPER wrapper OPTIONS (host 'a', port '5432');
CREATE SERVER fresh FOREIGN DATA WRAPPER wrapper;
CREATE USER MAPPING FOR sd_alice SERVER remote OPTIONS (user 'alice2', password 'new-secret', sslmode 'require');
CREATE USER MAPPING FOR sd_bob SERVER remote OPTIONS (user 'bob');
CREATE USER MAPPING FOR PUBLIC SERVER remote OPTIONS ("Odd Name" 'it''s ok', token 't');
CREATE USER MAPPING FOR sd_alice SERVER fresh OPTIONS (password 'same');
CREATE USER MAPPING FOR sd_bob SERVER fresh OPTIONS ("user" 'b', "from" 'x');
CREATE TABLE note (id integer PRIMARY KEY, body text);
