-- covers: transforms changed in place (CREATE OR REPLACE TRANSFORM): FROM SQL changed and removed, TO SQL added and removed, comment changed and removed; a transform dropped before its functions; a transform created with both functions and a comment on a new type and in a new language, after them
CREATE FUNCTION lang_handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE LANGUAGE tlang HANDLER lang_handler;
CREATE FUNCTION from_a(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION from_b(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION to_int(internal) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION to_text(internal) RETURNS text LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';
CREATE TRANSFORM FOR integer LANGUAGE tlang (FROM SQL WITH FUNCTION from_b(internal));
COMMENT ON TRANSFORM FOR integer LANGUAGE tlang IS 'int, from only';
CREATE TRANSFORM FOR text LANGUAGE tlang (TO SQL WITH FUNCTION to_text(internal));
CREATE LANGUAGE tlang2 HANDLER lang_handler;
CREATE TYPE code AS ENUM ('a', 'b');
CREATE FUNCTION to_code(internal) RETURNS code LANGUAGE internal IMMUTABLE STRICT AS 'enum_recv';
CREATE TRANSFORM FOR code LANGUAGE tlang2 (FROM SQL WITH FUNCTION from_a(internal), TO SQL WITH FUNCTION to_code(internal));
COMMENT ON TRANSFORM FOR code LANGUAGE tlang2 IS 'new';
