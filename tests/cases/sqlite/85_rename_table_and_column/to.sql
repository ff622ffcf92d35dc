-- covers: a table renamed (--rename table:main.people=persons) and one of its columns renamed (--rename column:main.people.full_name=name): ALTER TABLE ... RENAME TO / RENAME COLUMN keep the rows; the foreign key of another table, the index, the view and the trigger follow
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  age INTEGER CHECK (age >= 0)
);
CREATE INDEX people_full_name ON persons (name);
CREATE TABLE pets (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER REFERENCES persons (id) ON DELETE CASCADE,
  nick TEXT
);
CREATE VIEW adults AS SELECT id, name FROM persons WHERE age >= 18;
CREATE TRIGGER people_name_trim AFTER UPDATE OF name ON persons
BEGIN
  UPDATE persons SET name = trim(name) WHERE id = new.id;
END;
