-- covers: changing the type of a column used by a view (varchar(10) -> text, integer -> bigint): view must survive
CREATE TABLE product (id integer PRIMARY KEY, code text NOT NULL, price bigint NOT NULL);
CREATE VIEW product_codes AS SELECT id, code, price FROM product WHERE price > 0;
