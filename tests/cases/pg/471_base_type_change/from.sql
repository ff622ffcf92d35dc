-- roles: sd_bt_owner, sd_bt_user
CREATE TYPE myint;
CREATE FUNCTION myint_in(cstring) RETURNS myint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION myint_out(myint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE myint (INPUT = myint_in, OUTPUT = myint_out, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4);
COMMENT ON TYPE myint IS 'before';
GRANT USAGE ON TYPE myint TO sd_bt_user;
CREATE TYPE mytext;
CREATE FUNCTION mytext_in(cstring) RETURNS mytext LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION mytext_out(mytext) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION mytext_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodin';
CREATE FUNCTION mytext_typmod_out(integer) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodout';
CREATE TYPE mytext (INPUT = mytext_in, OUTPUT = mytext_out, TYPMOD_IN = mytext_typmod_in,
    TYPMOD_OUT = mytext_typmod_out, INTERNALLENGTH = VARIABLE, STORAGE = extended);
ALTER TYPE mytext OWNER TO sd_bt_owner;
CREATE TYPE myflag;
CREATE FUNCTION myflag_in(cstring) RETURNS myflag LANGUAGE internal IMMUTABLE STRICT AS 'boolin';
CREATE FUNCTION myflag_out(myflag) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'boolout';
-- no column uses it: its ANALYZE function is only ever named
CREATE FUNCTION myflag_analyze(internal) RETURNS boolean LANGUAGE internal STRICT AS 'array_typanalyze';
CREATE TYPE myflag (INPUT = myflag_in, OUTPUT = myflag_out, ANALYZE = myflag_analyze,
    INTERNALLENGTH = 1, PASSEDBYVALUE, ALIGNMENT = char);
CREATE TYPE mypair;
CREATE FUNCTION mypair_in(cstring) RETURNS mypair LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION mypair_out(mypair) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE mypair (INPUT = mypair_in, OUTPUT = mypair_out, INTERNALLENGTH = 16, ALIGNMENT = double,
    ELEMENT = float8);
CREATE TYPE bigger;
ALTER TYPE bigger OWNER TO sd_bt_owner;
COMMENT ON TYPE bigger IS 'a shell for now';
CREATE TYPE pair2;
CREATE TABLE keep (id integer PRIMARY KEY, n myint, ns myint[], t mytext, p mypair);
INSERT INTO keep VALUES (1, '1', '{1,2}', 'one', '(1,2)'), (2, NULL, NULL, NULL, NULL);
