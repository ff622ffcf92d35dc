-- roles: sd_alice, sd_bob
-- covers: composite type owner changes
CREATE TYPE c1 AS (a integer);
ALTER TYPE c1 OWNER TO sd_bob;
CREATE TYPE c2 AS (a integer);
ALTER TYPE c2 OWNER TO sd_bob;
CREATE TABLE t (v c1);
