CREATE TABLE person (id integer PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION person_count() RETURNS integer LANGUAGE sql STABLE AS 'SELECT count(*)::integer FROM person';
CREATE FUNCTION person_names() RETURNS SETOF text LANGUAGE sql STABLE AS 'SELECT name FROM person ORDER BY id';
CREATE FUNCTION touch_person(p integer) RETURNS void LANGUAGE sql AS 'UPDATE person SET name = name WHERE id = p';
INSERT INTO person VALUES (1, 'ann'), (2, 'bob');
