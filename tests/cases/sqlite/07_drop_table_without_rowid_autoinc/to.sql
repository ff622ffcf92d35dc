-- covers: drop a WITHOUT ROWID table with a named composite PK and drop a table with INTEGER PRIMARY KEY AUTOINCREMENT (and its index); the referenced parent table is kept
CREATE TABLE hosts (
  id INTEGER PRIMARY KEY,
  hostname TEXT NOT NULL UNIQUE
);
