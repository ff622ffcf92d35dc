-- covers: operator class definitions changed (type, family, the family's schema, STORAGE: each drops and creates the class), DEFAULT classes created and dropped (with a comment), classes with STORAGE created and dropped
CREATE SCHEMA other;
CREATE TYPE pt_new AS (x integer, y integer);
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
CREATE OPERATOR CLASS type_ops FOR TYPE bigint USING hash AS
  OPERATOR 1 =, FUNCTION 1 hashint8(bigint);
CREATE OPERATOR FAMILY fam_a USING btree;
CREATE OPERATOR FAMILY fam_b USING btree;
CREATE OPERATOR CLASS fam_ops FOR TYPE integer USING btree FAMILY fam_b AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR FAMILY fam_x USING hash;
CREATE OPERATOR FAMILY other.fam_x USING hash;
CREATE OPERATOR CLASS xs_ops FOR TYPE integer USING hash FAMILY other.fam_x AS
  OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE OPERATOR CLASS def_new_ops DEFAULT FOR TYPE pt_new USING hash AS
  FUNCTION 1 (pt_new, pt_new) hash_record(record);
CREATE OPERATOR CLASS st_keep_ops FOR TYPE integer[] USING gin AS
  FUNCTION 2 ginarrayextract(anyarray, internal, internal), STORAGE bigint;
CREATE OPERATOR CLASS st_new_ops FOR TYPE integer[] USING gin AS
  FUNCTION 2 ginarrayextract(anyarray, internal, internal), STORAGE integer;
INSERT INTO item VALUES (1, 10), (2, 20);
