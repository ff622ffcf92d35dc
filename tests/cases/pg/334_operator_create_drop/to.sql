-- roles: sd_alice
-- covers: operators (CREATE OPERATOR) after their function and before a view that uses them, in a schema whose name needs quoting; created (infix with COMMUTATOR, NEGATOR, RESTRICT, JOIN, HASHES, MERGES, a pair that name each other, prefix, with owner and comment), dropped (with owner and comment, before the function it uses; prefix)
CREATE SCHEMA "Ops";
CREATE FUNCTION rev_match(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $2 ~ $1$$;
CREATE OPERATOR ~<< (FUNCTION = rev_match, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION "Ops".int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $1 = $2$$;
CREATE FUNCTION "Ops".int_ne(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $1 <> $2$$;
CREATE OPERATOR "Ops".#= (FUNCTION = "Ops".int_eq, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = OPERATOR("Ops".#=), NEGATOR = OPERATOR("Ops".#<>), RESTRICT = eqsel, JOIN = eqjoinsel,
    HASHES, MERGES);
CREATE OPERATOR "Ops".#<> (FUNCTION = "Ops".int_ne, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = OPERATOR("Ops".#<>), NEGATOR = OPERATOR("Ops".#=), RESTRICT = neqsel, JOIN = neqjoinsel);
ALTER OPERATOR "Ops".#= (integer, integer) OWNER TO sd_alice;
COMMENT ON OPERATOR "Ops".#= (integer, integer) IS 'new, after its function';
CREATE OPERATOR @@- (FUNCTION = int8um, RIGHTARG = bigint);
CREATE FUNCTION starts(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT left($1, length($2)) = $2$$;
CREATE OPERATOR ^^ (FUNCTION = starts, LEFTARG = text, RIGHTARG = text);
CREATE TABLE word (w text);
CREATE VIEW a_words AS SELECT w FROM word WHERE w ^^ 'a' AND 1 OPERATOR("Ops".#=) 1;
