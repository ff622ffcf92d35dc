CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE UNIQUE INDEX products_sku_uidx ON products(sku);
INSERT INTO products VALUES (1, 9.99, 'SKU-1', 'widget'), (2, 19.5, 'SKU-2', 'gadget');
