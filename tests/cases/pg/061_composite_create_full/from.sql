-- roles: sd_alice, sd_bob
CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO customer VALUES (1, 'ann'), (2, 'bob');
