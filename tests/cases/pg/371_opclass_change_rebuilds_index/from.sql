-- roles: sd_alice, sd_bob
CREATE TYPE pt_pos AS (x integer, y integer);
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL, pos pt_pos);
CREATE FUNCTION rev_cmp(a integer, b integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT btint4cmp(b, a)$$;
CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING btree AS
  OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
  FUNCTION 1 rev_cmp(integer, integer);
CREATE INDEX item_qty_rev ON item (qty rev_ops);
CREATE OPERATOR CLASS own_ops FOR TYPE integer USING hash AS
  OPERATOR 1 =, FUNCTION 1 hashint4(integer);
ALTER OPERATOR CLASS own_ops USING hash OWNER TO sd_alice;
COMMENT ON OPERATOR CLASS own_ops USING hash IS 'old comment';
CREATE OPERATOR CLASS pos_ops FOR TYPE pt_pos USING hash AS
  OPERATOR 1 =(record, record), FUNCTION 1 (pt_pos, pt_pos) hash_record(record);
CREATE INDEX item_pos ON item USING hash (pos pos_ops);
INSERT INTO item VALUES (1, 10, ROW(1, 2)), (2, 20, ROW(3, 4)), (3, 5, NULL);
