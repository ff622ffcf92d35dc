-- covers: casts on user types: created after a new composite type in a schema whose name needs quoting and after a new range type (source and target qualified and quoted), dropped before a dropped composite type and its schema; a cast from a table's row type, created after the table
CREATE SCHEMA "Geo Two";
CREATE TYPE "Geo Two".vec AS (dx double precision, dy double precision);
CREATE CAST (text AS "Geo Two".vec) WITH INOUT AS ASSIGNMENT;
CREATE TYPE floatspan AS RANGE (subtype = float8);
CREATE FUNCTION span_of(v "Geo Two".vec) RETURNS floatspan LANGUAGE sql IMMUTABLE
    AS $$SELECT floatspan(least(v.dx, v.dy), greatest(v.dx, v.dy))$$;
CREATE CAST ("Geo Two".vec AS floatspan) WITH FUNCTION span_of("Geo Two".vec);
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE kept (id integer PRIMARY KEY, c color);
CREATE CAST (kept AS text) WITH INOUT;
