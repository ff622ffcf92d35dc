-- roles: sd_alice, sd_bob
CREATE FUNCTION old_handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION old_inline(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION old_validator(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
-- A language with every field set and a function written in it: all dropped, the function
-- before the language, its own functions after.
CREATE TRUSTED LANGUAGE old_lang HANDLER old_handler INLINE old_inline VALIDATOR old_validator;
ALTER LANGUAGE old_lang OWNER TO sd_alice;
GRANT USAGE ON LANGUAGE old_lang TO sd_bob;
COMMENT ON LANGUAGE old_lang IS 'goes';
CREATE FUNCTION old_fn() RETURNS integer LANGUAGE old_lang AS $$ begin return 1; end $$;
CREATE TABLE item (id integer PRIMARY KEY);
INSERT INTO item VALUES (1), (2);
