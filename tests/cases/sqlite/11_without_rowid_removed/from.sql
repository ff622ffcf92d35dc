CREATE TABLE pairs (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  weight REAL DEFAULT 1.0,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX pairs_b_idx ON pairs(b);
INSERT INTO pairs VALUES (1, 2, 0.5), (2, 3, 1.0), (1, 3, 2.5);
