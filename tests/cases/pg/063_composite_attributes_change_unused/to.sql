-- covers: composite attributes changed on a type no column uses: attribute added, dropped, type changed, collation changed
CREATE TYPE point3 AS (x bigint, y bigint, z bigint, w bigint);
CREATE TYPE person_t AS (name text COLLATE "C", age integer);
CREATE TABLE t (id integer PRIMARY KEY);
