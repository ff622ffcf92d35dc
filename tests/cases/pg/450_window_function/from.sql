-- roles: sd_alice
CREATE FUNCTION old_rank() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_rank';
COMMENT ON FUNCTION old_rank() IS 'goes';
CREATE FUNCTION kept_rows() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_row_number';
CREATE FUNCTION becomes_window() RETURNS bigint LANGUAGE internal IMMUTABLE AS 'pg_backend_pid';
CREATE FUNCTION nth(anyelement, integer) RETURNS anyelement LANGUAGE internal WINDOW IMMUTABLE STRICT AS 'window_nth_value';
CREATE VIEW ranked AS SELECT relname, kept_rows() OVER (ORDER BY relname) AS n FROM pg_class WHERE relname = 'pg_proc';
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
