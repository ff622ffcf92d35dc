-- roles: sd_bt_owner, sd_bt_user
-- covers: base types changed in place while columns keep their rows: RECEIVE and SEND set, TYPMOD_IN replaced and TYPMOD_OUT removed, ANALYZE removed, SUBSCRIPT set, STORAGE from extended to main (ALTER TYPE ... SET, the functions it no longer names dropped after it); owner changed, USAGE revoked and granted, comment changed and removed; shell types given their definition (CREATE TYPE over the shell, after their new I/O functions) with INTERNALLENGTH, PASSEDBYVALUE, ALIGNMENT, CATEGORY, PREFERRED, DEFAULT, ELEMENT, DELIMITER, COLLATABLE, then used by a new column
CREATE TYPE myint;
CREATE FUNCTION myint_in(cstring) RETURNS myint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION myint_out(myint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE FUNCTION myint_recv(internal) RETURNS myint LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION myint_send(myint) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'int4send';
CREATE TYPE myint (INPUT = myint_in, OUTPUT = myint_out, RECEIVE = myint_recv, SEND = myint_send,
    INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4);
ALTER TYPE myint OWNER TO sd_bt_owner;
COMMENT ON TYPE myint IS 'after';
REVOKE USAGE ON TYPE myint FROM PUBLIC;
GRANT USAGE ON TYPE myint TO sd_bt_owner;
CREATE TYPE mytext;
CREATE FUNCTION mytext_in(cstring) RETURNS mytext LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION mytext_out(mytext) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION mytext_typmod_in2(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'bpchartypmodin';
CREATE TYPE mytext (INPUT = mytext_in, OUTPUT = mytext_out, TYPMOD_IN = mytext_typmod_in2,
    INTERNALLENGTH = VARIABLE, STORAGE = main);
CREATE TYPE myflag;
CREATE FUNCTION myflag_in(cstring) RETURNS myflag LANGUAGE internal IMMUTABLE STRICT AS 'boolin';
CREATE FUNCTION myflag_out(myflag) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'boolout';
CREATE TYPE myflag (INPUT = myflag_in, OUTPUT = myflag_out, INTERNALLENGTH = 1, PASSEDBYVALUE,
    ALIGNMENT = char);
CREATE TYPE mypair;
CREATE FUNCTION mypair_in(cstring) RETURNS mypair LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION mypair_out(mypair) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE mypair (INPUT = mypair_in, OUTPUT = mypair_out, INTERNALLENGTH = 16, ALIGNMENT = double,
    ELEMENT = float8, SUBSCRIPT = pg_catalog.raw_array_subscript_handler);
CREATE TYPE bigger;
CREATE FUNCTION bigger_in(cstring) RETURNS bigger LANGUAGE internal IMMUTABLE STRICT AS 'int8in';
CREATE FUNCTION bigger_out(bigger) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int8out';
CREATE TYPE bigger (INPUT = bigger_in, OUTPUT = bigger_out, INTERNALLENGTH = 8, PASSEDBYVALUE,
    ALIGNMENT = double, CATEGORY = 'N', PREFERRED = true, DEFAULT = '0');
ALTER TYPE bigger OWNER TO sd_bt_owner;
CREATE TYPE pair2;
CREATE FUNCTION pair2_in(cstring) RETURNS pair2 LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION pair2_out(pair2) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE pair2 (INPUT = pair2_in, OUTPUT = pair2_out, INTERNALLENGTH = 16, ALIGNMENT = double,
    ELEMENT = float8, DELIMITER = ';', COLLATABLE = true);
CREATE TABLE keep (id integer PRIMARY KEY, n myint, ns myint[], t mytext, p mypair, b bigger, q pair2);
