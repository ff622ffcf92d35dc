-- covers: a function (used by a CHECK with rows) moved from a language that is dropped to a new one (CREATE LANGUAGE before CREATE OR REPLACE FUNCTION, DROP LANGUAGE after it and after the transform in it, which goes before its function); an access method dropped with its operator family and class (first) while a new one takes their names
CREATE FUNCTION handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE TRUSTED LANGUAGE lang_new HANDLER handler;
CREATE FUNCTION score(n integer) RETURNS integer LANGUAGE lang_new
    AS $$ begin return n * 2; end $$;
CREATE ACCESS METHOD hash_new TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR FAMILY fam_old USING hash_new;
CREATE OPERATOR CLASS ops_old FOR TYPE integer USING hash_new FAMILY fam_old AS
    OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE TABLE item (id integer PRIMARY KEY, n integer CHECK (score(n) >= 0));
CREATE INDEX item_n ON item USING hash_new (n ops_old);
