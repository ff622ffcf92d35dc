-- roles: sd_bt_owner, sd_bt_user
-- covers: base types created (shell first, then the I/O functions, then CREATE TYPE t (...), as pg_dump writes them) with every option: INPUT, OUTPUT, RECEIVE, SEND, TYPMOD_IN, TYPMOD_OUT, ANALYZE, SUBSCRIPT, INTERNALLENGTH (a number and VARIABLE), PASSEDBYVALUE, ALIGNMENT, STORAGE, CATEGORY, PREFERRED, DEFAULT, ELEMENT, DELIMITER, COLLATABLE; owner, comment and USAGE granted; used by a new table's column, an added column, an array column and a domain; a shell type alone created with owner and comment; a base type dropped with its I/O functions (DROP TYPE ... CASCADE, guarded) after the columns that use it, and a shell type dropped
CREATE TYPE myint;
CREATE FUNCTION myint_in(cstring) RETURNS myint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION myint_out(myint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE FUNCTION myint_recv(internal) RETURNS myint LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION myint_send(myint) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'int4send';
CREATE TYPE myint (INPUT = myint_in, OUTPUT = myint_out, RECEIVE = myint_recv, SEND = myint_send,
    INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4, STORAGE = plain, CATEGORY = 'N',
    PREFERRED = true, DEFAULT = '7', DELIMITER = ';');
ALTER TYPE myint OWNER TO sd_bt_owner;
COMMENT ON TYPE myint IS 'an integer of our own';
GRANT USAGE ON TYPE myint TO sd_bt_user;
CREATE TYPE "My Text";
CREATE FUNCTION mytext_in(cstring) RETURNS "My Text" LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION mytext_out("My Text") RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION mytext_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodin';
CREATE FUNCTION mytext_typmod_out(integer) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodout';
CREATE TYPE "My Text" (INPUT = mytext_in, OUTPUT = mytext_out, TYPMOD_IN = mytext_typmod_in,
    TYPMOD_OUT = mytext_typmod_out, INTERNALLENGTH = VARIABLE,
    STORAGE = extended, CATEGORY = 'S', COLLATABLE = true);
CREATE TYPE mypair;
CREATE FUNCTION mypair_in(cstring) RETURNS mypair LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION mypair_out(mypair) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE mypair (INPUT = mypair_in, OUTPUT = mypair_out, INTERNALLENGTH = 16, ALIGNMENT = double,
    ELEMENT = float8, SUBSCRIPT = pg_catalog.raw_array_subscript_handler);
CREATE TYPE myflag;
CREATE FUNCTION myflag_in(cstring) RETURNS myflag LANGUAGE internal IMMUTABLE STRICT AS 'boolin';
CREATE FUNCTION myflag_out(myflag) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'boolout';
-- no column uses it: its ANALYZE function is only ever named
CREATE FUNCTION myflag_analyze(internal) RETURNS boolean LANGUAGE internal STRICT AS 'array_typanalyze';
CREATE TYPE myflag (INPUT = myflag_in, OUTPUT = myflag_out, ANALYZE = myflag_analyze,
    INTERNALLENGTH = 1, PASSEDBYVALUE, ALIGNMENT = char);
CREATE TYPE lonely;
ALTER TYPE lonely OWNER TO sd_bt_owner;
COMMENT ON TYPE lonely IS 'a shell type on its own';
CREATE DOMAIN posint AS myint;
CREATE TABLE keep (id integer PRIMARY KEY, note text, n myint, ns myint[]);
CREATE TABLE fresh (id integer PRIMARY KEY, n myint DEFAULT '3', t "My Text"(10), p mypair, d posint);
