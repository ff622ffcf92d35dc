-- covers: primary_key autoincrement changed (INTEGER PRIMARY KEY -> INTEGER PRIMARY KEY AUTOINCREMENT, ids preserved) and a new table with AUTOINCREMENT (added)
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  amount REAL NOT NULL
);
CREATE TABLE payments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  paid REAL NOT NULL
);
