CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  age INTEGER CHECK (age >= 0)
);
CREATE INDEX people_full_name ON people (full_name);
CREATE TABLE pets (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
  nick TEXT
);
CREATE VIEW adults AS SELECT id, full_name FROM people WHERE age >= 18;
CREATE TRIGGER people_name_trim AFTER UPDATE OF full_name ON people
BEGIN
  UPDATE people SET full_name = trim(full_name) WHERE id = new.id;
END;
INSERT INTO people VALUES (1, 'Ann', 34), (2, 'Bob', 12), (3, 'Cy', NULL);
INSERT INTO pets VALUES (1, 1, 'rex'), (2, 2, 'tom'), (3, NULL, 'stray');
