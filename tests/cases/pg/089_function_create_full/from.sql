-- roles: sd_alice, sd_bob
CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2) NOT NULL, placed date NOT NULL);
INSERT INTO orders VALUES (1, 10.00, '2024-01-05'), (2, 25.50, '2024-02-10');
