-- covers: create a WITHOUT ROWID table with a composite named PK and an unnamed FK, create a table with INTEGER PRIMARY KEY AUTOINCREMENT, create a trigger and a view on new tables
CREATE TABLE settings_owner (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE
);
CREATE TABLE settings (
  owner_id INTEGER NOT NULL REFERENCES settings_owner(id) ON DELETE CASCADE,
  key TEXT NOT NULL COLLATE RTRIM,
  value TEXT,
  CONSTRAINT pk_settings PRIMARY KEY (owner_id, key)
) WITHOUT ROWID;
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  what TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TRIGGER settings_audit AFTER UPDATE ON settings BEGIN
  INSERT INTO audit (what) VALUES ('setting ' || NEW.key || ' changed');
END;
CREATE VIEW owner_settings AS
  SELECT o.login AS login, s.key AS key, s.value AS value
  FROM settings s JOIN settings_owner o ON o.id = s.owner_id;
