-- covers: ADD COLUMN that SQLite allows in place: nullable typed column, constant default with quotes, NOT NULL with a non-null default, COLLATE NOCASE column, VIRTUAL generated column, column with a CHECK (column type/not_null/default/collation/generated added)
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  handle TEXT NOT NULL,
  bio TEXT,
  greeting TEXT DEFAULT 'it''s "me"',
  karma INTEGER NOT NULL DEFAULT 0,
  nick TEXT COLLATE NOCASE,
  handle_upper TEXT GENERATED ALWAYS AS (upper(handle)) VIRTUAL,
  age INTEGER CHECK (age IS NULL OR age >= 0)
);
CREATE VIEW member_handles AS SELECT id AS id, handle AS handle FROM members;
