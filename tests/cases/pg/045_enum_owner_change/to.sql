-- roles: sd_alice, sd_bob
-- covers: enum owner changes: postgres -> sd_alice, sd_alice -> sd_bob
CREATE TYPE e1 AS ENUM ('a', 'b');
ALTER TYPE e1 OWNER TO sd_alice;
CREATE TYPE e2 AS ENUM ('x', 'y');
ALTER TYPE e2 OWNER TO sd_bob;
CREATE TABLE t (id integer PRIMARY KEY, v e1);
