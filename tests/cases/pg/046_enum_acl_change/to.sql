-- roles: sd_alice, sd_bob
-- covers: enum privileges: revoked from PUBLIC, granted to a role, grantee changed, restored to default
CREATE TYPE e1 AS ENUM ('a', 'b');
REVOKE USAGE ON TYPE e1 FROM PUBLIC;
GRANT USAGE ON TYPE e1 TO sd_bob;
CREATE TYPE e2 AS ENUM ('a', 'b');
REVOKE USAGE ON TYPE e2 FROM PUBLIC;
GRANT USAGE ON TYPE e2 TO sd_bob;
CREATE TYPE e3 AS ENUM ('a', 'b');
CREATE TABLE t (id integer PRIMARY KEY, v e1);
