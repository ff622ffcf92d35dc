-- roles: sd_alice, sd_bob
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY doc_all ON doc FOR ALL TO sd_alice USING (owner_name = current_user) WITH CHECK (owner_name = current_user);
CREATE POLICY doc_read ON doc FOR SELECT USING (published);
CREATE POLICY doc_ins ON doc FOR INSERT TO sd_bob WITH CHECK (NOT published);
CREATE POLICY doc_upd ON doc AS RESTRICTIVE FOR UPDATE TO sd_alice, sd_bob USING (true) WITH CHECK (body <> '');
CREATE POLICY doc_del ON doc FOR DELETE TO sd_alice USING (NOT published);
COMMENT ON POLICY doc_read ON doc IS 'anyone reads published docs';
INSERT INTO doc VALUES (1, 'alice', 'draft', false), (2, 'bob', 'hello', true);
