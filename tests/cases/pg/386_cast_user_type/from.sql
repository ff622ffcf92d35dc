CREATE SCHEMA "Geo";
CREATE TYPE "Geo"."Point 2" AS (x double precision, y double precision);
-- Dropped with its type and the type's schema: the cast goes first.
CREATE CAST ("Geo"."Point 2" AS text) WITH INOUT;
CREATE TYPE color AS ENUM ('red', 'green');
-- A kept type without casts.
CREATE TABLE kept (id integer PRIMARY KEY, c color);
INSERT INTO kept VALUES (1, 'red'), (2, 'green');
