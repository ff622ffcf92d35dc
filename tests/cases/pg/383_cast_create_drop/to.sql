-- covers: casts (database-wide): created (WITH FUNCTION AS ASSIGNMENT with a comment, after its new function; WITH INOUT AS IMPLICIT; WITHOUT FUNCTION between two built-in types) and dropped (WITH FUNCTION with a comment, before its function and type; WITH INOUT AS IMPLICIT on a kept type)
CREATE TYPE pair AS (a integer, b integer);
CREATE TYPE level AS ENUM ('low', 'high');
CREATE FUNCTION level_weight(l level) RETURNS numeric LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE l WHEN 'low' THEN 1.0 ELSE 10.0 END$$;
CREATE CAST (level AS numeric) WITH FUNCTION level_weight(level) AS ASSIGNMENT;
COMMENT ON CAST (level AS numeric) IS 'created after its function';
CREATE CAST (text AS level) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS bytea) WITHOUT FUNCTION;
CREATE TABLE kept (id integer PRIMARY KEY);
