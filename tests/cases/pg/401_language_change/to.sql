-- roles: sd_alice, sd_bob
-- covers: languages changed in place (CREATE OR REPLACE LANGUAGE): trusted on and off, handler changed to a function in another schema (the old one dropped after), inline added, changed and removed, validator added, changed and removed; owner changed; USAGE granted, revoked from PUBLIC and restored to the defaults; comment changed and removed; a function written in one kept
CREATE SCHEMA handlers;
CREATE FUNCTION handlers.handler_b() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION handler_a() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION inline_a(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION inline_b(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION validator_a(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
CREATE FUNCTION validator_b(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
CREATE TRUSTED LANGUAGE lang_one HANDLER handlers.handler_b INLINE inline_a;
COMMENT ON LANGUAGE lang_one IS 'one, trusted now';
ALTER LANGUAGE lang_one OWNER TO sd_alice;
GRANT USAGE ON LANGUAGE lang_one TO sd_bob;
CREATE LANGUAGE lang_two HANDLER handler_a VALIDATOR validator_b;
CREATE TRUSTED LANGUAGE lang_three HANDLER handler_a INLINE inline_b VALIDATOR validator_b;
REVOKE USAGE ON LANGUAGE lang_three FROM PUBLIC;
CREATE FUNCTION three_fn() RETURNS integer LANGUAGE lang_three AS $$ begin return 3; end $$;
CREATE TABLE item (id integer PRIMARY KEY, n integer DEFAULT three_fn());
