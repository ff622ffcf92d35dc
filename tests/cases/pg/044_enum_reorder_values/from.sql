CREATE TYPE tshirt AS ENUM ('small', 'large', 'medium');
CREATE TABLE stock (id integer PRIMARY KEY, size tshirt NOT NULL, qty integer NOT NULL DEFAULT 0);
INSERT INTO stock VALUES (1, 'small', 3), (2, 'medium', 0), (3, 'large', 9);
