-- covers: foreign_key name changed (CONSTRAINT fk_bin_wh -> fk_bins_warehouse, same columns, target and actions)
CREATE TABLE warehouses (
  id INTEGER PRIMARY KEY,
  city TEXT NOT NULL
);
CREATE TABLE bins (
  id INTEGER PRIMARY KEY,
  warehouse_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  CONSTRAINT fk_bins_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses(id) ON DELETE CASCADE
);
