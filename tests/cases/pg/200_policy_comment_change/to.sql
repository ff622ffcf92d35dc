-- covers: policy comments: added, removed, changed
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR SELECT USING (true);
COMMENT ON POLICY p1 ON doc IS 'new';
CREATE POLICY p2 ON doc FOR SELECT USING (true);
CREATE POLICY p3 ON doc FOR SELECT USING (true);
COMMENT ON POLICY p3 ON doc IS 'v2';
