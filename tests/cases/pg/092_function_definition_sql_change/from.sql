CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x + 1';
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'Hello, ' || name $$;
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
