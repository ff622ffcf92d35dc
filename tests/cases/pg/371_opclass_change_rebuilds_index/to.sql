-- roles: sd_alice, sd_bob
-- covers: operator classes changed while an index uses each (support function replaced: the index dropped, the class dropped and created, the index created again; a class becoming DEFAULT for a composite type, its index then naming no class), owner and comment changed
CREATE TYPE pt_pos AS (x integer, y integer);
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL, pos pt_pos);
CREATE FUNCTION rev_cmp(a integer, b integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT btint4cmp(b, a)$$;
CREATE FUNCTION rev_cmp2(a integer, b integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT -btint4cmp(a, b)$$;
CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING btree AS
  OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
  FUNCTION 1 rev_cmp2(integer, integer);
CREATE INDEX item_qty_rev ON item (qty rev_ops);
CREATE OPERATOR CLASS own_ops FOR TYPE integer USING hash AS
  OPERATOR 1 =, FUNCTION 1 hashint4(integer);
ALTER OPERATOR CLASS own_ops USING hash OWNER TO sd_bob;
COMMENT ON OPERATOR CLASS own_ops USING hash IS 'new comment';
CREATE OPERATOR CLASS pos_ops DEFAULT FOR TYPE pt_pos USING hash AS
  OPERATOR 1 =(record, record), FUNCTION 1 (pt_pos, pt_pos) hash_record(record);
CREATE INDEX item_pos ON item USING hash (pos);
INSERT INTO item VALUES (1, 10, ROW(1, 2)), (2, 20, ROW(3, 4)), (3, 5, NULL);
