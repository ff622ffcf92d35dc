CREATE TABLE currencies (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  digits INTEGER NOT NULL DEFAULT 2
);
INSERT INTO currencies VALUES ('EUR', 'Euro', 2), ('JPY', 'Yen', 0), ('USD', 'US Dollar', 2);
