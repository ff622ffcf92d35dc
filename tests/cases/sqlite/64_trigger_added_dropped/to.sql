-- covers: trigger dropped (BEFORE INSERT with RAISE), triggers added (AFTER UPDATE with WHEN, AFTER DELETE writing to another table, INSTEAD OF on a new view)
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  updated TEXT
);
CREATE TABLE note_deletions (
  note_id INTEGER NOT NULL,
  at TEXT
);
CREATE VIEW note_bodies AS SELECT id AS id, body AS body FROM notes;
CREATE TRIGGER notes_touch AFTER UPDATE OF body ON notes WHEN OLD.body IS NOT NEW.body BEGIN
  UPDATE notes SET updated = datetime('now') WHERE id = NEW.id;
END;
CREATE TRIGGER notes_deleted AFTER DELETE ON notes BEGIN
  INSERT INTO note_deletions (note_id, at) VALUES (OLD.id, datetime('now'));
END;
CREATE TRIGGER note_bodies_update INSTEAD OF UPDATE ON note_bodies BEGIN
  UPDATE notes SET body = NEW.body WHERE id = OLD.id;
END;
