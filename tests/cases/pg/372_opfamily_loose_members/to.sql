-- roles: sd_alice, sd_bob
-- covers: loose members of operator families changed in place (ALTER OPERATOR FAMILY ... DROP and ADD: an operator dropped, one added, a support function replaced) while a class of the family is used by an index, left alone; a family with loose members only created with them, another dropped with them; owner and comment changed
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
CREATE OPERATOR FAMILY mix_ops USING btree;
CREATE OPERATOR CLASS mix_int4_ops FOR TYPE integer USING btree FAMILY mix_ops AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 btint4cmp(integer, integer);
CREATE FUNCTION my48cmp(a integer, b bigint) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT btint48cmp(a, b)$$;
ALTER OPERATOR FAMILY mix_ops USING btree ADD
  OPERATOR 1 <(integer, bigint), OPERATOR 5 >(integer, bigint),
  FUNCTION 1 (integer, bigint) my48cmp(integer, bigint);
ALTER OPERATOR FAMILY mix_ops USING btree OWNER TO sd_bob;
COMMENT ON OPERATOR FAMILY mix_ops USING btree IS 'new comment';
CREATE INDEX item_qty ON item (qty mix_int4_ops);
CREATE OPERATOR FAMILY loose_only USING hash;
ALTER OPERATOR FAMILY loose_only USING hash ADD
  OPERATOR 1 =(integer, integer), FUNCTION 1 hashint4(integer);
CREATE OPERATOR FAMILY loose_new USING hash;
ALTER OPERATOR FAMILY loose_new USING hash ADD
  OPERATOR 1 =(bigint, bigint), FUNCTION 1 hashint8(bigint);
INSERT INTO item VALUES (1, 10), (2, 20), (3, 5);
