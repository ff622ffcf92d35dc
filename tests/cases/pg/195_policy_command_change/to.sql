-- covers: policy commands changed (needs DROP + CREATE): SELECT -> UPDATE, ALL -> DELETE, INSERT -> ALL
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR UPDATE USING (published);
CREATE POLICY p2 ON doc FOR DELETE USING (owner_name = current_user);
CREATE POLICY p3 ON doc FOR ALL WITH CHECK (body <> '');
