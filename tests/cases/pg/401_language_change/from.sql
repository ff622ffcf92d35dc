-- roles: sd_alice, sd_bob
CREATE SCHEMA handlers;
CREATE FUNCTION handler_a() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION handler_gone() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION inline_a(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION inline_b(internal) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION validator_a(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
CREATE FUNCTION validator_b(oid) RETURNS void LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_validator';
-- Untrusted -> trusted; handler moves to another schema's function and the old one is
-- dropped; inline added; validator removed; comment changed; owner changed; USAGE granted.
CREATE LANGUAGE lang_one HANDLER handler_gone VALIDATOR validator_a;
COMMENT ON LANGUAGE lang_one IS 'one';
-- Trusted -> untrusted; inline removed; validator added; privileges back
-- to the defaults; comment removed.
CREATE TRUSTED LANGUAGE lang_two HANDLER handler_a INLINE inline_a;
COMMENT ON LANGUAGE lang_two IS 'two';
ALTER LANGUAGE lang_two OWNER TO sd_bob;
GRANT USAGE ON LANGUAGE lang_two TO sd_alice;
-- Inline and validator changed to other functions; a function written in it stays.
CREATE TRUSTED LANGUAGE lang_three HANDLER handler_a INLINE inline_a VALIDATOR validator_a;
REVOKE USAGE ON LANGUAGE lang_three FROM PUBLIC;
CREATE FUNCTION three_fn() RETURNS integer LANGUAGE lang_three AS $$ begin return 3; end $$;
CREATE TABLE item (id integer PRIMARY KEY, n integer DEFAULT three_fn());
INSERT INTO item VALUES (1, 3);
