CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR SELECT USING (true);
CREATE POLICY p2 ON doc FOR SELECT USING (true);
COMMENT ON POLICY p2 ON doc IS 'gone';
CREATE POLICY p3 ON doc FOR SELECT USING (true);
COMMENT ON POLICY p3 ON doc IS 'v1';
INSERT INTO doc VALUES (1, 'alice', 'draft', false), (2, 'bob', 'hello', true);
