-- covers: drop a STRICT table that has a named PK, named UNIQUE, named CHECK, named FK (ON DELETE SET NULL, ON UPDATE CASCADE, MATCH PARTIAL, DEFERRABLE INITIALLY DEFERRED), a COLLATE NOCASE column, a STORED generated column, a partial unique index, a view and a trigger on it
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);
