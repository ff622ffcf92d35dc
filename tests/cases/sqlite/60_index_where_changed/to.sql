-- covers: index where changed: partial predicate changed, predicate added to a full index, predicate removed from a partial UNIQUE index (with a key added so the data stays unique)
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  customer TEXT NOT NULL,
  shipped_at TEXT
);
CREATE INDEX orders_open_idx ON orders(customer) WHERE status IN ('open', 'cart');
CREATE INDEX orders_shipped_idx ON orders(shipped_at) WHERE shipped_at IS NOT NULL;
CREATE UNIQUE INDEX orders_one_cart_uidx ON orders(customer, status);
