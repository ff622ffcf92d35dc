-- roles: sd_alice, sd_bob
CREATE TABLE contact (id integer PRIMARY KEY, email text);
CREATE SCHEMA crm AUTHORIZATION sd_alice;
GRANT USAGE ON SCHEMA crm TO sd_bob;
CREATE TABLE crm.lead (id integer PRIMARY KEY, contact_id integer REFERENCES public.contact (id), stage text);
ALTER DEFAULT PRIVILEGES IN SCHEMA crm GRANT SELECT ON TABLES TO sd_bob;
ALTER DEFAULT PRIVILEGES IN SCHEMA crm GRANT USAGE ON SEQUENCES TO sd_bob;
COMMENT ON SCHEMA crm IS 'CRM data';
INSERT INTO contact VALUES (1, 'a@x'), (2, 'b@x');
INSERT INTO crm.lead VALUES (1, 1, 'new'), (2, 2, 'won');
