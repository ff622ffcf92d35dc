-- roles: sd_alice, sd_bob
-- covers: new enum with owner, USAGE privileges (revoked from PUBLIC, granted to a role) and comment, used by a new column with a default
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE mood OWNER TO sd_alice;
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO sd_bob;
COMMENT ON TYPE mood IS 'how the day felt';
CREATE TABLE diary (id integer PRIMARY KEY, entry text, feeling mood NOT NULL DEFAULT 'ok');
