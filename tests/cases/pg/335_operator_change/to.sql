-- roles: sd_alice, sd_bob
-- covers: operator definitions changed (another function: a view over it is rebuilt around its DROP + CREATE; COMMUTATOR, RESTRICT and JOIN added; COMMUTATOR and HASHES removed), owner changed, comment changed and removed
CREATE FUNCTION starts(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT left($1, length($2)) = $2$$;
CREATE FUNCTION starts_ci(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT lower(left($1, length($2))) = lower($2)$$;
CREATE OPERATOR ^^ (FUNCTION = starts_ci, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $1 = $2$$;
CREATE OPERATOR #= (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = #=,
    RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR #== (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
CREATE OPERATOR ~~~ (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
ALTER OPERATOR ~~~ (integer, integer) OWNER TO sd_bob;
COMMENT ON OPERATOR ~~~ (integer, integer) IS 'v2';
CREATE OPERATOR ~~! (FUNCTION = int_eq, LEFTARG = integer, RIGHTARG = integer);
CREATE TABLE word (w text, n integer);
CREATE VIEW a_words AS SELECT w FROM word WHERE w ^^ 'a';
