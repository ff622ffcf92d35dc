CREATE TABLE product (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO product VALUES (1, 'lamp'), (2, 'desk');
