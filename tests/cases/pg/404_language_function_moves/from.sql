CREATE FUNCTION handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE LANGUAGE lang_old HANDLER handler;
CREATE FUNCTION score(n integer) RETURNS integer LANGUAGE lang_old
    AS $$ begin return n * 2; end $$;
-- A transform in the language that goes, on a type that stays.
CREATE FUNCTION from_sql(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE TRANSFORM FOR integer LANGUAGE lang_old (FROM SQL WITH FUNCTION from_sql(internal));
-- An index access method whose operator family and class go with it.
CREATE ACCESS METHOD hash_old TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR FAMILY fam_old USING hash_old;
CREATE OPERATOR CLASS ops_old FOR TYPE integer USING hash_old FAMILY fam_old AS
    OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE TABLE item (id integer PRIMARY KEY, n integer CHECK (score(n) >= 0));
INSERT INTO item VALUES (1, 2), (2, 3);
