-- covers: range definitions changed on unused range types: subtype_diff added, subtype changed, collation changed
CREATE TYPE r1 AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE r2 AS RANGE (subtype = bigint);
CREATE TYPE r3 AS RANGE (subtype = text, collation = "POSIX");
CREATE TABLE t (id integer PRIMARY KEY);
