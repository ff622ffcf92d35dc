-- roles: sd_alice, sd_bob
-- covers: sequence owner changes: postgres -> sd_alice, sd_alice -> sd_bob
CREATE SEQUENCE s1;
ALTER SEQUENCE s1 OWNER TO sd_alice;
CREATE SEQUENCE s2;
ALTER SEQUENCE s2 OWNER TO sd_bob;
CREATE TABLE t (id integer PRIMARY KEY);
