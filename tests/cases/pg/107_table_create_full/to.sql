-- roles: sd_alice, sd_bob
-- covers: new UNLOGGED table with owner, grants (incl. WITH GRANT OPTION and PUBLIC) and comment; new logged table with comment
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE session_cache (key text PRIMARY KEY, value jsonb, expires timestamptz);
ALTER TABLE session_cache OWNER TO sd_alice;
GRANT SELECT, INSERT, UPDATE, DELETE ON session_cache TO sd_bob;
GRANT SELECT ON session_cache TO PUBLIC;
GRANT TRUNCATE ON session_cache TO sd_bob WITH GRANT OPTION;
COMMENT ON TABLE session_cache IS 'ephemeral sessions';
CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
COMMENT ON TABLE audit IS 'audit trail';
