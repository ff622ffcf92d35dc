-- roles: sd_alice, sd_bob
-- covers: the built-in public schema: comment changed, USAGE revoked from PUBLIC, CREATE granted to a role
COMMENT ON SCHEMA public IS 'application objects';
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO sd_alice;
CREATE TABLE t (id integer PRIMARY KEY);
