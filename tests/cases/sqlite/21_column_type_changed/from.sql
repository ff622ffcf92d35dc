CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  username VARCHAR(20) NOT NULL,
  score INT,
  ratio REAL,
  payload TEXT
);
INSERT INTO profiles VALUES (1, 'ada', 10, 0.5, 'a'), (2, 'bob', NULL, 1.0, NULL);
