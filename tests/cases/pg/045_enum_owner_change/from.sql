-- roles: sd_alice, sd_bob
CREATE TYPE e1 AS ENUM ('a', 'b');
CREATE TYPE e2 AS ENUM ('x', 'y');
ALTER TYPE e2 OWNER TO sd_alice;
CREATE TABLE t (id integer PRIMARY KEY, v e1);
INSERT INTO t VALUES (1, 'a');
