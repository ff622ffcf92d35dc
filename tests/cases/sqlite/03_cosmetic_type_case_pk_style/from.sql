CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  balance REAL DEFAULT 0
);
CREATE TABLE entries (
  account_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  amount REAL NOT NULL,
  PRIMARY KEY (account_id, seq),
  FOREIGN KEY (account_id) REFERENCES accounts(id)
);
CREATE INDEX entries_amount_idx ON entries(amount);
INSERT INTO accounts VALUES (1, 'cash', 10.5), (2, 'bank', 0);
INSERT INTO entries VALUES (1, 1, 10.5), (1, 2, -2.0), (2, 1, 3.25);
