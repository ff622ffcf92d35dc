CREATE TABLE settings_owner (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE
);
INSERT INTO settings_owner VALUES (1, 'root');
