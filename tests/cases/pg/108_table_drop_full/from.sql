-- roles: sd_alice, sd_bob
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE session_cache (key text PRIMARY KEY, value jsonb, expires timestamptz);
ALTER TABLE session_cache OWNER TO sd_alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON session_cache TO sd_bob;
GRANT SELECT ON session_cache TO PUBLIC;
COMMENT ON TABLE session_cache IS 'ephemeral sessions';
INSERT INTO kept VALUES (1);
INSERT INTO session_cache VALUES ('k1', '{"a": 1}', '2030-01-01 00:00:00+00'), ('k2', NULL, NULL);
