-- roles: sd_alice, sd_bob
CREATE TABLE address (id integer PRIMARY KEY, street text NOT NULL);
INSERT INTO address VALUES (1, 'Main St'), (2, 'High St');
