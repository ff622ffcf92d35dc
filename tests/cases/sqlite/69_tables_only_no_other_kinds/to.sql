-- covers: both sides empty of indexes, views and triggers (only tables): a nullable column is added in place and a new table is created; nothing else may be emitted
CREATE TABLE a (
  id INTEGER PRIMARY KEY,
  x TEXT,
  y REAL
);
CREATE TABLE b (
  id INTEGER PRIMARY KEY,
  a_id INTEGER REFERENCES a(id)
);
CREATE TABLE c (
  id INTEGER PRIMARY KEY,
  note TEXT
);
