-- covers: foreign_key added to an existing table with rows: named FK with ON DELETE CASCADE, ON UPDATE CASCADE, MATCH FULL, DEFERRABLE INITIALLY DEFERRED (name/columns/ref_table/ref_columns/on_delete/on_update/match/deferrable/initially_deferred added) plus an unnamed column-level FK with ON DELETE SET NULL; existing rows satisfy both
CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE books (
  id INTEGER PRIMARY KEY,
  author_id INTEGER,
  editor_id INTEGER REFERENCES authors(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors(id)
    ON DELETE CASCADE ON UPDATE CASCADE MATCH FULL DEFERRABLE INITIALLY DEFERRED
);
