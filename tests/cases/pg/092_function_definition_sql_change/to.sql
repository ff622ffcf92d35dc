-- covers: SQL-language function bodies (string literal) changed
CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x + 2';
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'Hi, ' || coalesce(name, 'stranger') || '!' $$;
CREATE TABLE t (id integer PRIMARY KEY);
