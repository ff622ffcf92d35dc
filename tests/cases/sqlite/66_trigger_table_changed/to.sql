-- covers: trigger table changed (record_insert moves from drafts to posts with the same body)
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
CREATE TRIGGER record_insert AFTER INSERT ON posts BEGIN
  INSERT INTO history (what) VALUES ('insert ' || NEW.id);
END;
