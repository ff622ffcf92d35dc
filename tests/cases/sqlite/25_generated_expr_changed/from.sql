CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL,
  name_len INTEGER GENERATED ALWAYS AS (length(name)) STORED
);
CREATE INDEX tags_name_key_idx ON tags(name_key);
INSERT INTO tags (id, name) VALUES (1, 'red'), (2, 'Blue'), (3, 'green');
