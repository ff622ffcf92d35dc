CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  customer TEXT NOT NULL,
  shipped_at TEXT
);
CREATE INDEX orders_open_idx ON orders(customer) WHERE status = 'open';
CREATE INDEX orders_shipped_idx ON orders(shipped_at);
CREATE UNIQUE INDEX orders_one_cart_uidx ON orders(customer) WHERE status = 'cart';
INSERT INTO orders VALUES (1, 'open', 'ada', NULL), (2, 'shipped', 'ada', '2024-02-02'), (3, 'cart', 'bob', NULL);
