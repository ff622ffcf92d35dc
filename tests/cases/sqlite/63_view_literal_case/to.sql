-- covers: view sql changed only by a string literal's case ('A' -> 'a'): must be reported as drift, not normalised away
CREATE TABLE grades (
  id INTEGER PRIMARY KEY,
  student TEXT NOT NULL,
  grade TEXT NOT NULL
);
CREATE VIEW top_students AS SELECT student AS student FROM grades WHERE grade = 'a';
