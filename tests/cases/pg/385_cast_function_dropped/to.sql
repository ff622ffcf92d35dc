-- covers: casts and their functions: a cast moved to a new function while its old one is dropped (DROP CAST before DROP FUNCTION, CREATE CAST after the new function), a cast whose function is dropped and created (a parameter renamed) dropped before it and created again after it
CREATE TYPE grade AS ENUM ('c', 'b', 'a');
CREATE FUNCTION grade_new(g grade) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT 10 * array_position(enum_range(NULL::grade), g)$$;
CREATE CAST (grade AS integer) WITH FUNCTION grade_new(grade);
CREATE FUNCTION grade_txt(val grade) RETURNS varchar LANGUAGE sql IMMUTABLE
    AS $$SELECT val::text$$;
CREATE CAST (grade AS varchar) WITH FUNCTION grade_txt(grade) AS ASSIGNMENT;
COMMENT ON CAST (grade AS varchar) IS 'kept across its function''s rebuild';
CREATE TABLE exam (id integer PRIMARY KEY, g grade);
