CREATE TABLE item (id integer PRIMARY KEY, code text NOT NULL, qty integer NOT NULL);
-- dropped: a hash class (and its implicit family) on text, and a family of its own
CREATE OPERATOR CLASS old_text_ops FOR TYPE text USING hash AS
  OPERATOR 1 =, FUNCTION 1 hashtext(text);
CREATE OPERATOR FAMILY old_fam USING btree;
COMMENT ON OPERATOR FAMILY old_fam USING btree IS 'goes away';
INSERT INTO item VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 5);
