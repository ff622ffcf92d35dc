-- covers: DROP COLUMN (simple): drop a non-last column with type, default and COLLATE NOCASE (position/type/default/collation dropped) and a NOT NULL column with a default (not_null dropped)
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT
);
