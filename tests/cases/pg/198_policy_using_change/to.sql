-- covers: policy USING expressions changed, added (ALL policy gains USING) and replaced
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR SELECT USING (published OR owner_name = current_user);
CREATE POLICY p2 ON doc FOR ALL USING (id > 0) WITH CHECK (body <> '');
CREATE POLICY p3 ON doc FOR DELETE USING (owner_name = session_user AND NOT published);
