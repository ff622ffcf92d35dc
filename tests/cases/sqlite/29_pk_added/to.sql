-- covers: primary_key added to existing tables without one: named composite PK (CONSTRAINT pk_enrollments PRIMARY KEY (student, course)) and an unnamed single-column PK; existing rows are unique and non-null
CREATE TABLE enrollments (
  student TEXT NOT NULL,
  course TEXT NOT NULL,
  grade TEXT,
  CONSTRAINT pk_enrollments PRIMARY KEY (student, course)
);
CREATE TABLE visits (
  day TEXT NOT NULL PRIMARY KEY,
  n INTEGER NOT NULL
);
