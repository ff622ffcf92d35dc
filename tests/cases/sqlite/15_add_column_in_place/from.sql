CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  handle TEXT NOT NULL
);
CREATE VIEW member_handles AS SELECT id AS id, handle AS handle FROM members;
INSERT INTO members VALUES (1, 'ada'), (2, 'bob'), (3, 'cy');
