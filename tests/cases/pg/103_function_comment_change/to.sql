-- covers: function and procedure comments: added, removed, changed
CREATE FUNCTION f1() RETURNS integer LANGUAGE sql AS 'SELECT 1';
COMMENT ON FUNCTION f1() IS 'hello';
CREATE FUNCTION f2(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
CREATE PROCEDURE p1() LANGUAGE sql AS 'SELECT 1';
COMMENT ON PROCEDURE p1() IS 'v2';
CREATE TABLE t (id integer PRIMARY KEY);
