-- covers: function result types changed (needs DROP + CREATE): integer -> bigint, SETOF text -> TABLE(...), void -> integer
CREATE TABLE person (id integer PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION person_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM person';
CREATE FUNCTION person_names() RETURNS TABLE (id integer, name text) LANGUAGE sql STABLE AS 'SELECT id, name FROM person ORDER BY id';
CREATE FUNCTION touch_person(p integer) RETURNS integer LANGUAGE sql AS 'UPDATE person SET name = name WHERE id = p RETURNING id';
