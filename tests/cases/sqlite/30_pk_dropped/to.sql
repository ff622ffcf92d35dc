-- covers: primary_key dropped from kept tables: a named composite PK (name and columns dropped) and an unnamed single-column TEXT PK
CREATE TABLE samples (
  batch TEXT NOT NULL,
  idx INTEGER NOT NULL,
  value REAL
);
CREATE TABLE notes (
  title TEXT,
  body TEXT
);
