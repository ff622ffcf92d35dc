CREATE FUNCTION lang_handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE LANGUAGE tlang HANDLER lang_handler;
-- Transform functions are never called here: builtin symbols of the right shape.
CREATE FUNCTION from_a(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION from_b(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION to_int(internal) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION to_text(internal) RETURNS text LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';
CREATE FUNCTION from_gone(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION to_big_gone(internal) RETURNS bigint LANGUAGE internal IMMUTABLE STRICT AS 'int8recv';
-- From SQL changed, to SQL removed, comment changed.
CREATE TRANSFORM FOR integer LANGUAGE tlang (FROM SQL WITH FUNCTION from_a(internal), TO SQL WITH FUNCTION to_int(internal));
COMMENT ON TRANSFORM FOR integer LANGUAGE tlang IS 'int';
-- From SQL removed, to SQL added, comment removed.
CREATE TRANSFORM FOR text LANGUAGE tlang (FROM SQL WITH FUNCTION from_b(internal));
COMMENT ON TRANSFORM FOR text LANGUAGE tlang IS 'text';
-- Dropped with its comment, before its functions.
CREATE TRANSFORM FOR bigint LANGUAGE tlang (FROM SQL WITH FUNCTION from_gone(internal), TO SQL WITH FUNCTION to_big_gone(internal));
COMMENT ON TRANSFORM FOR bigint LANGUAGE tlang IS 'goes';
