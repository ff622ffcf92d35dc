-- roles: sd_alice, sd_bob
-- covers: table owner changes: postgres -> sd_alice, sd_alice -> sd_bob (a serial sequence follows its table), with rows
CREATE TABLE t1 (id integer PRIMARY KEY, v text);
ALTER TABLE t1 OWNER TO sd_alice;
CREATE TABLE t2 (id serial PRIMARY KEY, v text);
ALTER TABLE t2 OWNER TO sd_bob;
