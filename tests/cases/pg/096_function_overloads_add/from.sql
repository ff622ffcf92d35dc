CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
