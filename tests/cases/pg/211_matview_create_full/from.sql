-- roles: sd_alice, sd_bob
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
INSERT INTO sale VALUES (1, 'eu', 10.00), (2, 'us', 20.00), (3, 'eu', 5.50);
