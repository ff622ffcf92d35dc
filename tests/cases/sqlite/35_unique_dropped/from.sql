CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  building TEXT NOT NULL,
  number TEXT NOT NULL,
  alias TEXT,
  CONSTRAINT uq_rooms_building_number UNIQUE (building, number),
  UNIQUE (alias)
);
INSERT INTO rooms VALUES (1, 'A', '101', 'lab'), (2, 'A', '102', NULL), (3, 'B', '101', 'hall');
