-- covers: functions changed by the migration while what runs them over existing rows is created or comes back: a body replaced (CREATE OR REPLACE) by one reading an unqualified table, used by a column added with it as DEFAULT; a function dropped and created (its result type changes) whose body calls another unqualified function, used by a generated column, a default and a CHECK that are detached and come back after it; a function losing its SET search_path, used by a new CHECK; a column retyped (integer to numeric) while a CHECK and an expression index over it call such functions (PostgreSQL checks and rebuilds both over the rows)
CREATE TABLE rates (code text PRIMARY KEY, factor integer NOT NULL);
CREATE FUNCTION factor() RETURNS integer LANGUAGE sql STABLE AS $$SELECT max(factor) FROM rates$$;
CREATE FUNCTION twice(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE FUNCTION scaled(x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT twice(x)';
CREATE FUNCTION pinned_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM rates';
CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL,
    base integer DEFAULT factor(),
    doubled bigint GENERATED ALWAYS AS (scaled(qty)) STORED,
    again bigint DEFAULT scaled(2),
    base_now integer DEFAULT factor(),
    CONSTRAINT lines_qty CHECK (scaled(qty) >= 0),
    CONSTRAINT lines_rates CHECK (pinned_count() >= 0));
CREATE FUNCTION w_ok(w numeric) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT w >= 0 OR EXISTS (SELECT 1 FROM rates)';
CREATE FUNCTION twice_n(w numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT w * 2';
CREATE FUNCTION w_key(w numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT twice_n(w)';
CREATE TABLE parts (id integer PRIMARY KEY, w numeric NOT NULL, CONSTRAINT parts_w CHECK (w_ok(w)));
CREATE INDEX parts_key ON parts (w_key(w));
