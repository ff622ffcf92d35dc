CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  city TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created TEXT
);
INSERT INTO customers VALUES (1, 'Ada', 'ada@x.org', 'Paris', 0, '2024-01-01'),
  (2, 'Bob', 'bob@x.org', 'paris', 0, '2024-02-01'),
  (3, 'Cy', 'ada@x.org', 'Rome', 1, '2024-03-01');
