-- covers: views in dependency loops created from nothing, as pg_dump creates them (a stub
-- with the columns' names, types and collations, then CREATE OR REPLACE VIEW): two views
-- that read each other, a view that reads itself (odd names), and two views and two
-- functions in one loop (v1 -> f2 -> v2 -> f1 -> v1)
CREATE TABLE node (id integer PRIMARY KEY, parent integer);
INSERT INTO node VALUES (1, NULL), (2, 1);
CREATE VIEW alpha AS SELECT 1 AS a, 'x'::text COLLATE "C" AS t;
CREATE VIEW beta AS SELECT a, t FROM alpha;
CREATE OR REPLACE VIEW alpha AS SELECT a, t FROM beta;
CREATE VIEW "Self Ref" AS SELECT 1::numeric(10, 2) AS "odd ""col""";
CREATE OR REPLACE VIEW "Self Ref" AS SELECT "odd ""col""" FROM "Self Ref";
CREATE VIEW v1 AS SELECT id FROM node;
CREATE FUNCTION f1() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM v1; END;
CREATE VIEW v2 AS SELECT id, f1() AS b FROM node;
CREATE FUNCTION f2() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM v2; END;
CREATE OR REPLACE VIEW v1 AS SELECT id, f2() AS c FROM node;
