-- roles: sd_alice, sd_bob
-- covers: function and procedure owners changed
CREATE FUNCTION f1() RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION f1() OWNER TO sd_alice;
CREATE FUNCTION f2() RETURNS integer LANGUAGE sql AS 'SELECT 2';
ALTER FUNCTION f2() OWNER TO sd_bob;
CREATE PROCEDURE p1() LANGUAGE sql AS 'SELECT 1';
ALTER PROCEDURE p1() OWNER TO sd_bob;
CREATE TABLE t (id integer PRIMARY KEY);
