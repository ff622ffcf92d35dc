-- covers: text column holding row literals converted to a composite type, and a composite column converted to text
CREATE TYPE point2 AS (x integer, y integer);
CREATE TYPE pair AS (n integer, s text);
CREATE TABLE shape (id integer PRIMARY KEY, pr pair, p text);
