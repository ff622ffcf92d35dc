-- roles: sd_alice, sd_bob
-- Database-wide default privileges that go: back to PostgreSQL's built-in ones.
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_alice GRANT SELECT ON SEQUENCES TO sd_bob WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE sd_bob REVOKE ALL ON TABLES FROM sd_bob;
CREATE TABLE kept (id integer PRIMARY KEY, note text);
INSERT INTO kept VALUES (1, 'a'), (2, 'b');
