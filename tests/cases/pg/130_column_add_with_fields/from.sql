-- roles: sd_alice, sd_bob
CREATE TABLE product (id integer PRIMARY KEY, price integer NOT NULL);
INSERT INTO product VALUES (1, 10), (2, 25);
