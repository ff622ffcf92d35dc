-- roles: sd_alice, sd_bob
CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
CREATE TABLE u (id integer PRIMARY KEY, x text);
GRANT SELECT (a) ON t TO sd_alice;
GRANT SELECT (x) ON u TO sd_alice;
GRANT INSERT (id) ON u TO sd_bob;
INSERT INTO t VALUES (1, 'a', 'b', 'c');
INSERT INTO u VALUES (1, 'x');
