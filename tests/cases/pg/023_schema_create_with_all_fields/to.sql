-- roles: sd_alice, sd_bob
-- covers: new schema with owner, USAGE grant, default privileges on tables and a comment, holding a new table
CREATE TABLE contact (id integer PRIMARY KEY, email text);
CREATE SCHEMA crm AUTHORIZATION sd_alice;
GRANT USAGE ON SCHEMA crm TO sd_bob;
CREATE TABLE crm.lead (id integer PRIMARY KEY, contact_id integer REFERENCES public.contact (id), stage text);
ALTER DEFAULT PRIVILEGES IN SCHEMA crm GRANT SELECT ON TABLES TO sd_bob;
COMMENT ON SCHEMA crm IS 'CRM data';
