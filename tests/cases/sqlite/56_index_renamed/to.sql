-- covers: index name changed (idx1 -> logs_level_at_idx, identical table/keys/unique/where)
CREATE TABLE logs (
  id INTEGER PRIMARY KEY,
  level TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX logs_level_at_idx ON logs(level, at DESC);
