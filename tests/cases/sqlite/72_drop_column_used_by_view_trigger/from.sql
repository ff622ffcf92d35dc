CREATE TABLE parts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT,
  weight REAL
);
CREATE TABLE part_log (
  id INTEGER PRIMARY KEY,
  part_id INTEGER NOT NULL,
  msg TEXT
);
CREATE VIEW part_summary AS SELECT id AS id, name AS name, color AS color FROM parts;
CREATE TRIGGER parts_color_log AFTER UPDATE OF color ON parts BEGIN
  INSERT INTO part_log (part_id, msg) VALUES (NEW.id, 'color ' || NEW.color);
END;
INSERT INTO parts VALUES (1, 'gear', 'red', 1.5), (2, 'axle', NULL, 3.0);
