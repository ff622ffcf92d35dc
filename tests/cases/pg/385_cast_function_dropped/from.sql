CREATE TYPE grade AS ENUM ('c', 'b', 'a');
-- Replaced: the cast moves to a new function and the old one is dropped after it.
CREATE FUNCTION grade_old(g grade) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::grade), g)$$;
CREATE CAST (grade AS integer) WITH FUNCTION grade_old(grade);
-- Dropped and created (a parameter renamed): the cast is dropped and created around it.
CREATE FUNCTION grade_txt(g grade) RETURNS varchar LANGUAGE sql IMMUTABLE
    AS $$SELECT g::text$$;
CREATE CAST (grade AS varchar) WITH FUNCTION grade_txt(grade) AS ASSIGNMENT;
COMMENT ON CAST (grade AS varchar) IS 'kept across its function''s rebuild';
CREATE TABLE exam (id integer PRIMARY KEY, g grade);
INSERT INTO exam VALUES (1, 'a'), (2, 'c');
