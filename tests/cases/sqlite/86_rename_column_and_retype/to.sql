-- covers: a column renamed (--rename column:main.items.label=title) that also changes otherwise (a default and a CHECK added, so the table is rebuilt after the rename) and an index renamed with a hint (SQLite: the index is dropped and created, not renamed); rows keep their values under the new name
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '' CHECK (length(title) < 100),
  qty INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX items_title ON items (title);
