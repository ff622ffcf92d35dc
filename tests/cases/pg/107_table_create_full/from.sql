-- roles: sd_alice, sd_bob
CREATE TABLE kept (id integer PRIMARY KEY);
INSERT INTO kept VALUES (1);
