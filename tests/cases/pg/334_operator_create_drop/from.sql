-- roles: sd_alice
CREATE FUNCTION rev_match(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $2 ~ $1$$;
CREATE OPERATOR ~<< (FUNCTION = rev_match, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION old_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT $1 = $2$$;
CREATE OPERATOR === (FUNCTION = old_eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = ===);
ALTER OPERATOR === (integer, integer) OWNER TO sd_alice;
COMMENT ON OPERATOR === (integer, integer) IS 'dropped before its function';
CREATE OPERATOR !- (FUNCTION = int4um, RIGHTARG = integer);
CREATE TABLE word (w text);
INSERT INTO word VALUES ('abc'), ('xyz');
