CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  updated TEXT
);
CREATE TABLE note_deletions (
  note_id INTEGER NOT NULL,
  at TEXT
);
CREATE TRIGGER notes_no_empty BEFORE INSERT ON notes WHEN trim(NEW.body) = '' BEGIN
  SELECT RAISE(ABORT, 'empty note');
END;
INSERT INTO notes VALUES (1, 'first', NULL), (2, 'second', '2024-01-01');
