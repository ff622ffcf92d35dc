-- roles: sd_alice, sd_bob
-- covers: policy roles changed: PUBLIC -> sd_alice, sd_alice -> sd_alice + sd_bob, sd_bob -> PUBLIC
CREATE TABLE doc (id integer PRIMARY KEY, owner_name text NOT NULL, body text NOT NULL DEFAULT '', published boolean NOT NULL DEFAULT false);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY p1 ON doc FOR SELECT TO sd_alice USING (published);
CREATE POLICY p2 ON doc FOR SELECT TO sd_alice, sd_bob USING (true);
CREATE POLICY p3 ON doc FOR SELECT TO PUBLIC USING (id < 100);
