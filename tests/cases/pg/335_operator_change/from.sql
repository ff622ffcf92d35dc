-- roles: sd_alice, sd_bob
CREATE FUNCTION starts(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT left($1, length($2)) = $2$$;
CREATE FUNCTION starts_ci(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT lower(left($1, length($2))) = lower($2)$$;
CREATE OPERATOR ^^ (FUNCTION = starts, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $1 = $2$$;
CREATE OPERATOR #= (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
CREATE OPERATOR #== (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = #==, HASHES);
CREATE OPERATOR ~~~ (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
ALTER OPERATOR ~~~ (integer, integer) OWNER TO sd_alice;
COMMENT ON OPERATOR ~~~ (integer, integer) IS 'v1';
CREATE OPERATOR ~~! (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
COMMENT ON OPERATOR ~~! (integer, integer) IS 'removed';
CREATE TABLE word (w text, n integer);
CREATE VIEW a_words AS SELECT w FROM word WHERE w ^^ 'a';
INSERT INTO word VALUES ('abc', 1), ('Abc', 2);
