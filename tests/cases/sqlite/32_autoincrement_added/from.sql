CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  amount REAL NOT NULL
);
INSERT INTO invoices VALUES (1, 10.0), (2, 20.0), (5, 7.5);
