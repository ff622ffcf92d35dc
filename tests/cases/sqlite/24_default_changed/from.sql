CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'new',
  priority INTEGER DEFAULT 0,
  owner TEXT DEFAULT 'it''s mine',
  note TEXT DEFAULT 'say "hi"',
  queued_at TEXT DEFAULT CURRENT_TIMESTAMP,
  retries INTEGER,
  ratio REAL DEFAULT 1.5
);
INSERT INTO jobs (id, state, priority, owner, note, queued_at, retries, ratio)
  VALUES (1, 'new', 0, 'ada', 'x', '2024-01-01 00:00:00', 0, 1.5), (2, 'running', 5, 'it''s mine', NULL, NULL, 2, 0.25);
