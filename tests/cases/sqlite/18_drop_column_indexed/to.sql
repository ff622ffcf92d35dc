-- covers: DROP COLUMN of an indexed column (the index on it must be dropped first) and of a column used in a multi-column index
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);
