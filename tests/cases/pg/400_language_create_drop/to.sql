-- roles: sd_alice, sd_bob
-- covers: a trusted language dropped (with its owner, privileges, comment, a function written in it and its handler, inline and validator functions) and a trusted language created with handler, inline and validator functions, owner, comment and USAGE granted to a role and revoked from PUBLIC, and a function written in it
CREATE FUNCTION new_handler() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION new_inline(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION new_validator(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
CREATE TRUSTED LANGUAGE new_lang HANDLER new_handler INLINE new_inline VALIDATOR new_validator;
ALTER LANGUAGE new_lang OWNER TO sd_alice;
COMMENT ON LANGUAGE new_lang IS 'comes';
REVOKE USAGE ON LANGUAGE new_lang FROM PUBLIC;
GRANT USAGE ON LANGUAGE new_lang TO sd_bob;
CREATE FUNCTION new_fn() RETURNS integer LANGUAGE new_lang AS $$ begin return 2; end $$;
CREATE TABLE item (id integer PRIMARY KEY);
