-- roles: sd_alice, sd_bob
CREATE TABLE item (id integer PRIMARY KEY, code smallint);
INSERT INTO item VALUES (1, 10), (2, 15);
