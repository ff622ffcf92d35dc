CREATE TABLE orders (id integer PRIMARY KEY, item text NOT NULL);
INSERT INTO orders VALUES (1, 'pen'), (2, 'ink');
