CREATE TABLE grades (
  id INTEGER PRIMARY KEY,
  student TEXT NOT NULL,
  grade TEXT NOT NULL
);
CREATE VIEW top_students AS SELECT student AS student FROM grades WHERE grade = 'A';
INSERT INTO grades VALUES (1, 'ada', 'A'), (2, 'bob', 'a'), (3, 'cy', 'B');
