-- covers: casts on an enum that is recreated (its values reordered): both dropped before the enum is renamed away and created again after the new one and the function that uses it (WITH FUNCTION AS ASSIGNMENT; WITH INOUT with a comment)
CREATE TYPE status AS ENUM ('gone', 'new', 'old');
CREATE FUNCTION status_rank(s status) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::status), s)$$;
CREATE CAST (status AS integer) WITH FUNCTION status_rank(status) AS ASSIGNMENT;
CREATE CAST (text AS status) WITH INOUT;
COMMENT ON CAST (text AS status) IS 'kept across the enum''s rebuild';
CREATE TABLE job (id integer PRIMARY KEY, s status);
