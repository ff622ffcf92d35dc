-- covers: widening type changes with rows: smallint -> integer, integer -> bigint, real -> double precision, varchar(20) -> varchar(50), varchar(30) -> text
CREATE TABLE t (id integer PRIMARY KEY, s integer, i bigint, r double precision, v varchar(50), w text);
