-- covers: overloads added next to an existing function: same name with other argument types, another schema, a quoted mixed-case name
CREATE SCHEMA geo;
CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
CREATE FUNCTION area(w double precision, h double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT w * h';
CREATE FUNCTION area(side integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT side * side';
CREATE FUNCTION geo.area(r double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT 4 * pi() * r * r';
CREATE FUNCTION "Calc Total"(VARIADIC nums integer[]) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT sum(n) FROM unnest(nums) AS n';
CREATE TABLE t (id integer PRIMARY KEY);
