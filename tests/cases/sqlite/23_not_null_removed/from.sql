CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  assignee TEXT NOT NULL DEFAULT 'nobody'
);
INSERT INTO tickets VALUES (1, 'login broken', 'ada'), (2, 'typo', 'nobody');
