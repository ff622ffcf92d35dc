-- roles: SD Auditor
-- covers: a role whose name needs quoting ("SD Auditor") as table owner, grantee, column grantee, policy role and default-privilege grantee
CREATE SCHEMA audit;
GRANT USAGE ON SCHEMA audit TO "SD Auditor";
CREATE TABLE audit.entry (id integer PRIMARY KEY, msg text, secret text);
ALTER TABLE audit.entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Auditor Reads" ON audit.entry FOR SELECT TO "SD Auditor" USING (true);
GRANT SELECT (id, msg) ON audit.entry TO "SD Auditor";
CREATE TABLE audit.archive (id integer PRIMARY KEY);
ALTER TABLE audit.archive OWNER TO "SD Auditor";
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT SELECT ON TABLES TO "SD Auditor";
