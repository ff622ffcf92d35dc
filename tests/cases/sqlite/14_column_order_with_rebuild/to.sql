-- covers: column position changed together with a rebuild reason (new CHECK on price, sku collation changed) so the rebuilt table takes B's column order
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  price REAL NOT NULL CHECK (price >= 0)
);
CREATE UNIQUE INDEX products_sku_uidx ON products(sku);
