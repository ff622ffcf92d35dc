CREATE TABLE logs (
  id INTEGER PRIMARY KEY,
  level TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX idx1 ON logs(level, at DESC);
INSERT INTO logs VALUES (1, 'info', '2024-01-01T00:00'), (2, 'warn', '2024-01-01T00:01');
