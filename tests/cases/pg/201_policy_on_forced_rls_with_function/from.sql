CREATE TABLE tenant_row (id integer PRIMARY KEY, tenant text NOT NULL, v text);
CREATE TABLE audit (id integer PRIMARY KEY, level varchar(10) NOT NULL);
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_level ON audit FOR SELECT USING (level <> 'debug');
INSERT INTO tenant_row VALUES (1, 'acme', 'x'), (2, 'globex', 'y');
INSERT INTO audit VALUES (1, 'info'), (2, 'debug');
