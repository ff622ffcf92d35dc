-- roles: sd_alice, sd_bob
-- covers: dropping columns (with data) that have NOT NULL, DEFAULT, GENERATED, COLLATE, IDENTITY with options, column privileges and comments (destructive)
CREATE TABLE product (id integer PRIMARY KEY, price integer NOT NULL);
