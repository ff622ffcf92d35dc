-- covers: generated_kind changed: VIRTUAL -> STORED and STORED -> VIRTUAL with the same expressions
CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  qty INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  amount REAL GENERATED ALWAYS AS (qty * unit_price) STORED,
  heavy INTEGER GENERATED ALWAYS AS (qty > 10) VIRTUAL
);
