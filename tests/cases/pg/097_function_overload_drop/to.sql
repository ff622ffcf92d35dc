-- covers: two of three overloads dropped, the remaining one kept unchanged
CREATE FUNCTION fmt(v text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT quote_literal(v)';
CREATE TABLE t (id integer PRIMARY KEY);
