CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
INSERT INTO customers VALUES (1, 'acme'), (2, 'globex');
