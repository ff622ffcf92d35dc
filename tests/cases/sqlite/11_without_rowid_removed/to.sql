-- covers: table without_rowid changed (WITHOUT ROWID -> rowid table), composite PK kept, index kept
CREATE TABLE pairs (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  weight REAL DEFAULT 1.0,
  PRIMARY KEY (a, b)
);
CREATE INDEX pairs_b_idx ON pairs(b);
