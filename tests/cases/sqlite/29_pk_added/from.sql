CREATE TABLE enrollments (
  student TEXT NOT NULL,
  course TEXT NOT NULL,
  grade TEXT
);
CREATE TABLE visits (
  day TEXT NOT NULL,
  n INTEGER NOT NULL
);
INSERT INTO enrollments VALUES ('ada', 'math', 'A'), ('ada', 'cs', NULL), ('bob', 'math', 'B');
INSERT INTO visits VALUES ('2024-01-01', 3), ('2024-01-02', 5);
