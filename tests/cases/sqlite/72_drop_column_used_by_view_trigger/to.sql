-- covers: DROP COLUMN of a column referenced by a view and a trigger (SQLite refuses the drop while they exist): the view's and the trigger's sql change to no longer use it
CREATE TABLE parts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  weight REAL
);
CREATE TABLE part_log (
  id INTEGER PRIMARY KEY,
  part_id INTEGER NOT NULL,
  msg TEXT
);
CREATE VIEW part_summary AS SELECT id AS id, name AS name, weight AS weight FROM parts;
CREATE TRIGGER parts_color_log AFTER UPDATE OF weight ON parts BEGIN
  INSERT INTO part_log (part_id, msg) VALUES (NEW.id, 'weight ' || NEW.weight);
END;
