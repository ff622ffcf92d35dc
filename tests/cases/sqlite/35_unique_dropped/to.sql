-- covers: unique dropped: a named composite UNIQUE and an unnamed table-level UNIQUE are removed from a kept table
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  building TEXT NOT NULL,
  number TEXT NOT NULL,
  alias TEXT
);
