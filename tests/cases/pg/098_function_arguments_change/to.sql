-- covers: argument lists that change on the same function identity: parameter default changed, default added, OUT parameter added (result becomes record), parameter renamed
CREATE FUNCTION pad(s text, width integer DEFAULT 20) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lpad(s, width)';
CREATE FUNCTION clamp(x integer, lo integer DEFAULT 0, hi integer DEFAULT 100) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT greatest(lo, least(hi, x))';
CREATE FUNCTION split_name(full_name text, OUT first text, OUT last text) LANGUAGE sql IMMUTABLE AS $$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $$;
CREATE FUNCTION inc(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n + 1';
CREATE TABLE t (id integer PRIMARY KEY);
