CREATE TYPE r1 AS RANGE (subtype = float8);
CREATE TYPE r2 AS RANGE (subtype = integer);
CREATE TYPE r3 AS RANGE (subtype = text, collation = "C");
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
