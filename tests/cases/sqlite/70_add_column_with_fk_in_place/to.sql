-- covers: ADD COLUMN with an unnamed REFERENCES clause and NULL default (allowed in place even with foreign_keys=ON): foreign_key added via a new column (columns/ref_table/ref_columns/on_delete added)
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE docs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL
);
