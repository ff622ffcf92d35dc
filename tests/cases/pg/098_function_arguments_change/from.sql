CREATE FUNCTION pad(s text, width integer DEFAULT 10) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lpad(s, width)';
CREATE FUNCTION clamp(x integer, lo integer, hi integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT greatest(lo, least(hi, x))';
CREATE FUNCTION split_name(full_name text, OUT first text) LANGUAGE sql IMMUTABLE AS $$ SELECT split_part(full_name, ' ', 1) $$;
CREATE FUNCTION inc(val integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT val + 1';
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
