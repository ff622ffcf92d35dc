-- covers: primary_key autoincrement changed (AUTOINCREMENT -> plain INTEGER PRIMARY KEY) on a CASCADE parent and on its child; ids are real columns and must be preserved
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  filename TEXT NOT NULL
);
