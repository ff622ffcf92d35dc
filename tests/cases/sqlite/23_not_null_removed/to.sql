-- covers: not_null changed (NOT NULL -> nullable) while keeping the default
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  assignee TEXT DEFAULT 'nobody'
);
