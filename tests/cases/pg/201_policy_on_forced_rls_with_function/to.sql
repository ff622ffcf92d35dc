-- covers: FORCE RLS added with a policy whose USING calls a new STABLE function; the policy on another table references a column retyped in B
CREATE FUNCTION current_tenant() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant', true) $$;
CREATE TABLE tenant_row (id integer PRIMARY KEY, tenant text NOT NULL, v text);
ALTER TABLE tenant_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_row FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_row USING (tenant = current_tenant()) WITH CHECK (tenant = current_tenant());
CREATE TABLE audit (id integer PRIMARY KEY, level text NOT NULL);
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_level ON audit FOR SELECT USING (level <> 'debug');
