-- covers: column position changed only (order-only difference: reported as a note, no SQL unless --strict-column-order)
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  last_name TEXT,
  first_name TEXT,
  born TEXT
);
