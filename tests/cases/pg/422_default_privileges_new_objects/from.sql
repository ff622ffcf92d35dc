-- roles: sd_alice, sd_bob
-- Objects made while database-wide default privileges of the role that runs the script
-- apply: the new ones get exactly B's privileges, whatever the defaults before or after.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO sd_bob;
CREATE TABLE old_t (id integer PRIMARY KEY);
INSERT INTO old_t VALUES (1), (2);
CREATE FUNCTION old_f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
