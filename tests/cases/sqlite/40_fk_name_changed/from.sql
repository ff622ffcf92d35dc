CREATE TABLE warehouses (
  id INTEGER PRIMARY KEY,
  city TEXT NOT NULL
);
CREATE TABLE bins (
  id INTEGER PRIMARY KEY,
  warehouse_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  CONSTRAINT fk_bin_wh FOREIGN KEY (warehouse_id) REFERENCES warehouses(id) ON DELETE CASCADE
);
INSERT INTO warehouses VALUES (1, 'Oslo'), (2, 'Turku');
INSERT INTO bins VALUES (1, 1, 'A1'), (2, 1, 'A2'), (3, 2, 'B1');
