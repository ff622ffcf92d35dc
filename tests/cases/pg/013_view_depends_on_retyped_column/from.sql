CREATE TABLE product (id integer PRIMARY KEY, code varchar(10) NOT NULL, price integer NOT NULL);
CREATE VIEW product_codes AS SELECT id, code, price FROM product WHERE price > 0;
INSERT INTO product VALUES (1, 'AB-1', 10), (2, 'CD-2', 0);
