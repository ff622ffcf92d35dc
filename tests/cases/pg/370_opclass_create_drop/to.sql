-- covers: operator classes and families created (a btree class with a compare function of its own, used by an index; a hash class of the same name, told apart by its access method, used by a hash index; a gist class in a family named apart, its cross-type members and FOR ORDER BY operator loose in the family, with a comment) and dropped with their families (a hash class on text, a family with a comment)
CREATE TABLE item (id integer PRIMARY KEY, code text NOT NULL, qty integer NOT NULL);
CREATE FUNCTION rev_cmp(a integer, b integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT AS $$SELECT btint4cmp(b, a)$$;
CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING btree AS
  OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
  FUNCTION 1 rev_cmp(integer, integer);
COMMENT ON OPERATOR CLASS rev_ops USING btree IS 'descending integers';
CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING hash AS
  OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE INDEX item_qty_rev ON item (qty rev_ops);
CREATE INDEX item_qty_hash ON item USING hash (qty rev_ops);
CREATE OPERATOR FAMILY text_fam USING gist;
COMMENT ON OPERATOR FAMILY text_fam USING gist IS 'a family for classes named apart';
CREATE OPERATOR CLASS box_area_ops FOR TYPE box USING gist FAMILY text_fam AS
  OPERATOR 3 &&, OPERATOR 15 <->(box, point) FOR ORDER BY float_ops,
  FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
  FUNCTION 2 gist_box_union(internal, internal),
  FUNCTION 5 gist_box_penalty(internal, internal, internal),
  FUNCTION 6 gist_box_picksplit(internal, internal),
  FUNCTION 7 gist_box_same(box, box, internal),
  FUNCTION 8 gist_box_distance(internal, box, smallint, oid, internal),
  STORAGE box;
INSERT INTO item VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 5);
