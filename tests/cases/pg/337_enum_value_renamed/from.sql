CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
CREATE TABLE diary (
  id integer PRIMARY KEY,
  today mood NOT NULL DEFAULT 'sad',
  week mood[] NOT NULL DEFAULT '{}',
  CONSTRAINT diary_not_sad_on_one CHECK (id <> 1 OR today <> 'sad')
);
CREATE INDEX diary_sad_days ON diary (id) WHERE today = 'sad';
CREATE VIEW sad_days AS SELECT id FROM diary WHERE today = 'sad';
INSERT INTO diary VALUES (1, 'happy', '{happy,sad}'), (2, 'sad', '{sad,sad,ok}'), (3, 'ok', '{}'), (4, 'sad', '{ok}');
