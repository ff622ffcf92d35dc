-- covers: identical schemas (expect no diff)
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT UNIQUE
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT 'untitled',
  body TEXT
);
CREATE INDEX posts_user_idx ON posts(user_id);
CREATE VIEW post_titles AS SELECT p.id AS id, u.name AS author, p.title AS title FROM posts p JOIN users u ON u.id = p.user_id;
CREATE TRIGGER posts_title_trim AFTER INSERT ON posts BEGIN
  UPDATE posts SET title = trim(NEW.title) WHERE id = NEW.id;
END;
INSERT INTO users VALUES (1, 'ada', 'ada@example.com'), (2, 'bob', NULL);
INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'hello', 'first'), (2, 2, 'notes', NULL);
