-- covers: foreign_key match changed on composite named FKs (MATCH SIMPLE -> MATCH FULL, MATCH PARTIAL -> no MATCH clause); SQLite parses but does not enforce MATCH
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
  CONSTRAINT fk_parcels_shelf FOREIGN KEY (aisle, shelf) REFERENCES shelves(aisle, shelf) MATCH FULL,
  CONSTRAINT fk_parcels_backup FOREIGN KEY (backup_aisle, backup_shelf) REFERENCES shelves(aisle, shelf)
);
