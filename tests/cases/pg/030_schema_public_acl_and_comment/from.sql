-- roles: sd_alice, sd_bob
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
