CREATE TABLE drafts (
  id INTEGER PRIMARY KEY,
  body TEXT
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  body TEXT
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  what TEXT NOT NULL
);
CREATE TRIGGER record_insert AFTER INSERT ON drafts BEGIN
  INSERT INTO history (what) VALUES ('insert ' || NEW.id);
END;
INSERT INTO drafts VALUES (1, 'wip');
INSERT INTO posts VALUES (1, 'live');
