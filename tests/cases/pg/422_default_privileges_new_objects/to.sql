-- roles: sd_alice, sd_bob
-- covers: objects created under database-wide default privileges of the script's role (removed, added, kept): new tables, views, sequences, functions, types and schemas get B's privileges, and the defaults are migrated too
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO sd_alice;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO sd_bob;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO sd_alice;
CREATE TABLE old_t (id integer PRIMARY KEY);
CREATE FUNCTION old_f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE SCHEMA app;
CREATE TABLE app.new_t (id integer PRIMARY KEY, n integer);
CREATE VIEW app.new_v AS SELECT id FROM app.new_t;
CREATE SEQUENCE app.new_s;
CREATE FUNCTION app.new_f() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE TYPE app.mood AS ENUM ('ok', 'sad');
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
CREATE TABLE app.plain (id integer);
REVOKE ALL ON TABLE app.plain FROM sd_alice;
