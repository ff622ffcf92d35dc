CREATE TABLE rates (code text PRIMARY KEY, factor integer NOT NULL);
INSERT INTO rates VALUES ('std', 2);
CREATE FUNCTION factor() RETURNS integer LANGUAGE sql STABLE AS $$SELECT 1$$;
CREATE FUNCTION scaled(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE FUNCTION pinned_count() RETURNS bigint LANGUAGE sql STABLE SET search_path = public AS 'SELECT count(*) FROM rates';
CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL,
    base integer DEFAULT factor(),
    doubled integer GENERATED ALWAYS AS (scaled(qty)) STORED,
    CONSTRAINT lines_qty CHECK (scaled(qty) >= 0));
INSERT INTO lines (id, qty) VALUES (1, 3), (2, 4);
CREATE FUNCTION w_ok(w numeric) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT w >= 0 OR EXISTS (SELECT 1 FROM rates)';
CREATE FUNCTION twice_n(w numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT w * 2';
CREATE FUNCTION w_key(w numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT twice_n(w)';
CREATE TABLE parts (id integer PRIMARY KEY, w integer NOT NULL, CONSTRAINT parts_w CHECK (w_ok(w)));
CREATE INDEX parts_key ON parts (w_key(w));
INSERT INTO parts VALUES (1, 5), (2, 7);
