-- roles: sd_bt_owner, sd_bt_user
-- a base type dropped with its I/O functions and the column that uses it, a shell type dropped
CREATE TYPE oldint;
CREATE FUNCTION oldint_in(cstring) RETURNS oldint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION oldint_out(oldint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE oldint (INPUT = oldint_in, OUTPUT = oldint_out, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4);
COMMENT ON TYPE oldint IS 'goes';
CREATE TYPE oldshell;
ALTER TYPE oldshell OWNER TO sd_bt_owner;
COMMENT ON TYPE oldshell IS 'a shell that goes';
CREATE TYPE oldtext;
CREATE FUNCTION oldtext_in(cstring) RETURNS oldtext LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION oldtext_out(oldtext) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION oldtext_recv(internal) RETURNS oldtext LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';
CREATE FUNCTION oldtext_send(oldtext) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'textsend';
CREATE FUNCTION oldtext_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodin';
CREATE FUNCTION oldtext_typmod_out(integer) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodout';
CREATE FUNCTION oldtext_analyze(internal) RETURNS boolean LANGUAGE internal STRICT AS 'array_typanalyze';
CREATE TYPE oldtext (INPUT = oldtext_in, OUTPUT = oldtext_out, RECEIVE = oldtext_recv, SEND = oldtext_send,
    TYPMOD_IN = oldtext_typmod_in, TYPMOD_OUT = oldtext_typmod_out, ANALYZE = oldtext_analyze,
    INTERNALLENGTH = VARIABLE, STORAGE = main, CATEGORY = 'S', PREFERRED = true, DEFAULT = 'none',
    COLLATABLE = true);
ALTER TYPE oldtext OWNER TO sd_bt_owner;
GRANT USAGE ON TYPE oldtext TO sd_bt_user;
CREATE TYPE oldpair;
CREATE FUNCTION oldpair_in(cstring) RETURNS oldpair LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION oldpair_out(oldpair) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE oldpair (INPUT = oldpair_in, OUTPUT = oldpair_out, INTERNALLENGTH = 16, ALIGNMENT = double,
    ELEMENT = float8, SUBSCRIPT = pg_catalog.raw_array_subscript_handler, DELIMITER = ';');
CREATE DOMAIN oldpairs AS oldpair;
CREATE TABLE gone (id integer PRIMARY KEY, t oldtext, p oldpairs);
INSERT INTO gone VALUES (1, 'x', '(1,2)');
CREATE TABLE keep (id integer PRIMARY KEY, note text, old oldint, olds oldint[]);
INSERT INTO keep (id, note, old, olds) VALUES (1, 'one', '1', '{1,2}'), (2, 'two', NULL, NULL);
