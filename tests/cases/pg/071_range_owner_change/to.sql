-- roles: sd_alice, sd_bob
-- covers: range type owner changes (the multirange follows)
CREATE TYPE r1 AS RANGE (subtype = float8);
ALTER TYPE r1 OWNER TO sd_alice;
CREATE TYPE r2 AS RANGE (subtype = numeric);
CREATE TABLE t (v r1);
