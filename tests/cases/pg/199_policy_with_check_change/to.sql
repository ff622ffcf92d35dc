-- covers: policy WITH CHECK expressions: added, removed, changed
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR UPDATE USING (true) WITH CHECK (body <> '');
CREATE POLICY p2 ON doc FOR ALL USING (true);
CREATE POLICY p3 ON doc FOR INSERT WITH CHECK (length(body) > 3);
