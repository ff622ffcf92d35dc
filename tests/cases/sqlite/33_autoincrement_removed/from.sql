CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL
);
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  filename TEXT NOT NULL
);
INSERT INTO messages (body) VALUES ('hi'), ('there');
INSERT INTO attachments (message_id, filename) VALUES (1, 'a.png'), (2, 'b.pdf'), (2, 'c.txt');
