CREATE TABLE shelves (
  aisle TEXT NOT NULL,
  shelf INTEGER NOT NULL,
  PRIMARY KEY (aisle, shelf)
);
CREATE TABLE parcels (
  id INTEGER PRIMARY KEY,
  aisle TEXT,
  shelf INTEGER,
  backup_aisle TEXT,
  backup_shelf INTEGER,
  CONSTRAINT fk_parcels_shelf FOREIGN KEY (aisle, shelf) REFERENCES shelves(aisle, shelf) MATCH SIMPLE,
  CONSTRAINT fk_parcels_backup FOREIGN KEY (backup_aisle, backup_shelf) REFERENCES shelves(aisle, shelf) MATCH PARTIAL
);
INSERT INTO shelves VALUES ('A', 1), ('A', 2), ('B', 1);
INSERT INTO parcels VALUES (1, 'A', 1, 'B', 1), (2, 'A', 2, NULL, NULL), (3, NULL, NULL, NULL, NULL);
