CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL
);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  created_by INTEGER,
  reviewed_by INTEGER,
  verdict TEXT,
  CONSTRAINT fk_reviews_user FOREIGN KEY (created_by) REFERENCES users(id)
);
INSERT INTO users VALUES (1, 'ada'), (2, 'bob');
INSERT INTO reviews VALUES (1, 1, 2, 'ok'), (2, 2, 1, 'nope'), (3, 2, NULL, NULL);
