-- covers: function renamed (old name dropped, new name created with the same body); procedure renamed
CREATE FUNCTION to_upper(s text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(s)';
CREATE PROCEDURE noop() LANGUAGE sql AS 'SELECT 1';
CREATE TABLE t (id integer PRIMARY KEY);
