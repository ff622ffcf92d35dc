CREATE TYPE status AS ENUM ('new', 'old', 'gone');
CREATE FUNCTION status_rank(s status) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT array_position(enum_range(NULL::status), s)$$;
-- The enum's values are reordered: it is recreated (renamed away, created, columns converted, the old
-- one dropped), so the casts on it are dropped before and created again after.
CREATE CAST (status AS integer) WITH FUNCTION status_rank(status) AS ASSIGNMENT;
CREATE CAST (text AS status) WITH INOUT;
COMMENT ON CAST (text AS status) IS 'kept across the enum''s rebuild';
CREATE TABLE job (id integer PRIMARY KEY, s status);
INSERT INTO job VALUES (1, 'new'), (2, 'old');
