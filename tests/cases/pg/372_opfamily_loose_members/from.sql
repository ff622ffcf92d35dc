-- roles: sd_alice, sd_bob
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
CREATE OPERATOR FAMILY mix_ops USING btree;
CREATE OPERATOR CLASS mix_int4_ops FOR TYPE integer USING btree FAMILY mix_ops AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 btint4cmp(integer, integer);
ALTER OPERATOR FAMILY mix_ops USING btree ADD
  OPERATOR 1 <(integer, bigint), OPERATOR 3 =(integer, bigint),
  FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);
ALTER OPERATOR FAMILY mix_ops USING btree OWNER TO sd_alice;
COMMENT ON OPERATOR FAMILY mix_ops USING btree IS 'old comment';
CREATE INDEX item_qty ON item (qty mix_int4_ops);
CREATE OPERATOR FAMILY loose_only USING hash;
ALTER OPERATOR FAMILY loose_only USING hash ADD
  OPERATOR 1 =(integer, integer), FUNCTION 1 hashint4(integer);
CREATE OPERATOR FAMILY gone_fam USING hash;
ALTER OPERATOR FAMILY gone_fam USING hash ADD
  OPERATOR 1 =(bigint, bigint), FUNCTION 1 hashint8(bigint);
INSERT INTO item VALUES (1, 10), (2, 20), (3, 5);
