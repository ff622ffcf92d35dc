-- roles: sd_alice
-- covers: window functions (CREATE FUNCTION ... WINDOW) created with an owner, a privilege and a comment, dropped with a comment, changed in place (volatility, with a view over it kept), a plain function made a window function (dropped and created), a polymorphic one kept
CREATE FUNCTION new_ntile(integer) RETURNS integer LANGUAGE internal WINDOW IMMUTABLE STRICT AS 'window_ntile';
ALTER FUNCTION new_ntile(integer) OWNER TO sd_alice;
REVOKE ALL ON FUNCTION new_ntile(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION new_ntile(integer) TO sd_alice;
COMMENT ON FUNCTION new_ntile(integer) IS 'buckets';
CREATE FUNCTION kept_rows() RETURNS bigint LANGUAGE internal WINDOW STABLE AS 'window_row_number';
CREATE FUNCTION becomes_window() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_row_number';
CREATE FUNCTION nth(anyelement, integer) RETURNS anyelement LANGUAGE internal WINDOW IMMUTABLE STRICT AS 'window_nth_value';
CREATE VIEW ranked AS SELECT relname, kept_rows() OVER (ORDER BY relname) AS n FROM pg_class WHERE relname = 'pg_proc';
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
