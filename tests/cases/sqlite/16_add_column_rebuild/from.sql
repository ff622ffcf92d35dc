CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  total REAL NOT NULL
);
CREATE TABLE order_notes (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  note TEXT
);
INSERT INTO orders VALUES (1, 10.0), (2, 25.5);
INSERT INTO order_notes VALUES (1, 1, 'gift wrap'), (2, 2, 'leave at door');
