-- covers: function attributes in the definition: volatility, STRICT, SECURITY DEFINER, SET search_path, PARALLEL SAFE, COST, LEAKPROOF, language sql -> plpgsql
CREATE FUNCTION f_vol(x integer) RETURNS integer LANGUAGE sql STABLE AS 'SELECT x';
CREATE FUNCTION f_strict(x integer) RETURNS integer LANGUAGE sql STRICT AS 'SELECT x';
CREATE FUNCTION f_secdef() RETURNS text LANGUAGE sql SECURITY DEFINER AS 'SELECT current_user::text';
CREATE FUNCTION f_path() RETURNS integer LANGUAGE sql SET search_path = pg_catalog, pg_temp AS 'SELECT 1';
CREATE FUNCTION f_parallel(x integer) RETURNS integer LANGUAGE sql PARALLEL SAFE AS 'SELECT x';
CREATE FUNCTION f_cost(x integer) RETURNS integer LANGUAGE sql COST 10 AS 'SELECT x';
CREATE FUNCTION f_leak(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE LEAKPROOF AS 'SELECT a < b';
CREATE FUNCTION f_lang(x integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN x + 1; END $$;
CREATE TABLE t (id integer PRIMARY KEY);
