-- covers: cast changes, each DROP CAST + CREATE CAST (there is no ALTER CAST): context explicit -> implicit and assignment -> explicit, method inout -> function and inout -> binary (WITHOUT FUNCTION), function added; comment added, changed in place and removed
CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE FUNCTION size_num(s size) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::size), s)$$;
CREATE FUNCTION size_num2(s size) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT 10 * array_position(enum_range(NULL::size), s)$$;
CREATE FUNCTION size_big(s size) RETURNS bigint LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::size), s)::bigint$$;
CREATE CAST (size AS integer) WITH FUNCTION size_num(size) AS IMPLICIT;
CREATE CAST (size AS bigint) WITH FUNCTION size_big(size) AS ASSIGNMENT;
COMMENT ON CAST (size AS bigint) IS 'now a function';
CREATE CAST (size AS smallint) WITH INOUT;
COMMENT ON CAST (size AS smallint) IS 'new';
CREATE CAST (varchar AS bytea) WITHOUT FUNCTION;
CREATE TABLE item (id integer PRIMARY KEY, s size);
