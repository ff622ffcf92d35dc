-- roles: sd_alice, sd_bob
-- covers: database-wide default privileges (ALTER DEFAULT PRIVILEGES without IN SCHEMA) created and dropped on tables, sequences, functions, types and schemas: a grant, a grant option, a built-in PUBLIC privilege revoked, the role's own privileges revoked (an empty row)
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO sd_alice;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_bob GRANT USAGE ON SEQUENCES TO sd_alice;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_bob REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice GRANT USAGE ON TYPES TO sd_bob WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice GRANT CREATE ON SCHEMAS TO sd_bob;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice REVOKE ALL ON SCHEMAS FROM sd_alice;
CREATE TABLE kept (id integer PRIMARY KEY, note text);
