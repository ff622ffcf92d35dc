-- covers: self-referencing FK added (named, ON DELETE SET NULL) together with a new NOT NULL column with a default, forcing a rebuild of a table that references itself; hierarchy rows must survive
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  manager_id INTEGER,
  level INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT fk_staff_manager FOREIGN KEY (manager_id) REFERENCES staff(id) ON DELETE SET NULL
);
CREATE INDEX staff_manager_idx ON staff(manager_id);
