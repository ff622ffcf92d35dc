CREATE TYPE point3 AS (x integer, y integer, z integer);
CREATE TYPE person_t AS (name text, age integer, tag text);
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
