CREATE SCHEMA ops;
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
CREATE FUNCTION ops.rev_cmp(a integer, b integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT btint4cmp(b, a)$$;
CREATE FUNCTION ops.rev_lt(a integer, b integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT a > b$$;
CREATE OPERATOR ops.<<< (FUNCTION = ops.rev_lt, LEFTARG = integer, RIGHTARG = integer);
CREATE OPERATOR CLASS ops.rev_ops FOR TYPE integer USING btree AS
  OPERATOR 1 ops.<<<, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
  FUNCTION 1 ops.rev_cmp(integer, integer);
CREATE INDEX item_qty_rev ON item (qty ops.rev_ops);
CREATE OPERATOR FAMILY ops.loose_fam USING btree;
ALTER OPERATOR FAMILY ops.loose_fam USING btree ADD
  OPERATOR 1 ops.<<< (integer, integer), FUNCTION 1 (integer, integer) ops.rev_cmp(integer, integer);
CREATE FUNCTION ops.my_conv(integer, integer, cstring, internal, integer, boolean) RETURNS integer
  LANGUAGE c STRICT PARALLEL SAFE AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE CONVERSION ops.conv FOR 'UTF8' TO 'LATIN1' FROM ops.my_conv;
INSERT INTO item VALUES (1, 10), (2, 20), (3, 5);
