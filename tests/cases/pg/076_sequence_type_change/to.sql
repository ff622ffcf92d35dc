-- covers: sequence data type changes: bigint -> integer, integer -> smallint, smallint -> bigint (default bounds follow the type)
CREATE SEQUENCE s1 AS integer;
CREATE SEQUENCE s2 AS smallint;
CREATE SEQUENCE s3 AS bigint;
CREATE TABLE t (id integer PRIMARY KEY DEFAULT nextval('s2'));
