-- covers: ADD COLUMN that SQLite cannot do in place so the table is rebuilt: non-constant default (CURRENT_TIMESTAMP in parentheses), UNIQUE column, STORED generated column (generated_kind added), and a column inserted in the middle (position added); the rebuilt table is a CASCADE parent whose child rows must survive
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  ref TEXT UNIQUE,
  total REAL NOT NULL,
  created_at TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP),
  total_cents INTEGER GENERATED ALWAYS AS (CAST(round(total * 100) AS INTEGER)) STORED
);
CREATE TABLE order_notes (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  note TEXT
);
