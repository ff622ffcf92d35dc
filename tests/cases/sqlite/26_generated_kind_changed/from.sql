CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  qty INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  amount REAL GENERATED ALWAYS AS (qty * unit_price) VIRTUAL,
  heavy INTEGER GENERATED ALWAYS AS (qty > 10) STORED
);
INSERT INTO lines (id, qty, unit_price) VALUES (1, 2, 1.25), (2, 20, 0.5);
