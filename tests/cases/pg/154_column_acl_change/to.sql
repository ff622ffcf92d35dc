-- roles: sd_alice, sd_bob
-- covers: column privileges: SELECT (a) widened to (a, b), UPDATE (c) granted, column grant revoked, grantee changed
CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
CREATE TABLE u (id integer PRIMARY KEY, x text);
GRANT SELECT (a, b) ON t TO sd_alice;
GRANT UPDATE (c) ON t TO sd_bob;
GRANT INSERT (id) ON u TO sd_alice;
