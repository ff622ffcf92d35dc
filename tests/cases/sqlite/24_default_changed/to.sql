-- covers: column default changed: 'new' -> 'pending', 0 -> -1, string with a single quote ('it''s mine') -> string with double quotes ('say "who"'), default with double quotes inside ('say "hi"') -> no default, CURRENT_TIMESTAMP -> (datetime('now', 'localtime')), none -> 3 on a kept column, 1.5 -> expression (1.0 / 4)
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'pending',
  priority INTEGER DEFAULT -1,
  owner TEXT DEFAULT 'say "who"',
  note TEXT,
  queued_at TEXT DEFAULT (datetime('now', 'localtime')),
  retries INTEGER DEFAULT 3,
  ratio REAL DEFAULT (1.0 / 4)
);
