CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE FUNCTION size_num(s size) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::size), s)$$;
CREATE FUNCTION size_num2(s size) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT 10 * array_position(enum_range(NULL::size), s)$$;
-- Context: explicit -> implicit.
CREATE CAST (size AS integer) WITH FUNCTION size_num(size);
-- Method: inout -> function; comment added.
CREATE CAST (size AS bigint) WITH INOUT AS ASSIGNMENT;
-- Function changes (both kept); comment changes.
CREATE CAST (size AS smallint) WITH INOUT;
COMMENT ON CAST (size AS smallint) IS 'old';
-- Method: inout -> binary; context: assignment -> explicit; comment dropped.
CREATE CAST (varchar AS bytea) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (varchar AS bytea) IS 'goes';
CREATE TABLE item (id integer PRIMARY KEY, s size);
INSERT INTO item VALUES (1, 's'), (2, 'l');
