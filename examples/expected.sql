-- expected.sql: the schema as the application's migrations define it.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending',
  total_cents INTEGER NOT NULL DEFAULT 0,
  placed_at TEXT NOT NULL DEFAULT (datetime('now')),
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
);

CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE INDEX orders_user_idx ON orders(user_id);
CREATE INDEX orders_status_idx ON orders(status) WHERE status <> 'cancelled';
CREATE INDEX order_items_sku_idx ON order_items(sku);

CREATE VIEW order_totals AS
  SELECT o.id AS order_id, u.email AS email,
         sum(i.quantity * i.unit_price_cents) AS items_cents
  FROM orders o
  JOIN users u ON u.id = o.user_id
  LEFT JOIN order_items i ON i.order_id = o.id
  GROUP BY o.id;

CREATE TRIGGER order_items_total AFTER INSERT ON order_items BEGIN
  UPDATE orders
     SET total_cents = total_cents + NEW.quantity * NEW.unit_price_cents
   WHERE id = NEW.order_id;
END;

INSERT INTO users (id, email, name, created_at) VALUES
  (1, 'ada@example.com', 'Ada Lovelace', '2024-01-05 10:00:00'),
  (2, 'grace@example.com', 'Grace Hopper', '2024-02-11 09:30:00');
INSERT INTO orders (id, user_id, status, placed_at) VALUES
  (1, 1, 'paid', '2024-03-01 12:00:00'),
  (2, 2, 'pending', '2024-03-02 15:45:00');
INSERT INTO order_items VALUES
  (1, 1, 'BOOK-001', 2, 1500),
  (1, 2, 'PEN-010', 1, 250),
  (2, 1, 'BOOK-002', 1, 3200);
