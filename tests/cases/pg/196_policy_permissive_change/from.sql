CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc AS PERMISSIVE FOR SELECT USING (published);
CREATE POLICY p2 ON doc AS RESTRICTIVE FOR SELECT USING (id > 0);
INSERT INTO doc VALUES (1, 'alice', 'draft', false), (2, 'bob', 'hello', true);
