CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE FUNCTION mood_rank(m mood) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE m WHEN 'sad' THEN 0 WHEN 'ok' THEN 1 ELSE 2 END$$;
-- Dropped with its function and its type: the cast goes first, or DROP FUNCTION fails.
CREATE CAST (mood AS integer) WITH FUNCTION mood_rank(mood) AS ASSIGNMENT;
COMMENT ON CAST (mood AS integer) IS 'dropped before its function and type';
CREATE TYPE pair AS (a integer, b integer);
CREATE CAST (pair AS text) WITH INOUT AS IMPLICIT;
CREATE TABLE kept (id integer PRIMARY KEY);
INSERT INTO kept VALUES (1), (2);
