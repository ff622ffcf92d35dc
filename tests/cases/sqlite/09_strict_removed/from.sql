CREATE TABLE metrics (
  name TEXT PRIMARY KEY,
  total INT NOT NULL DEFAULT 0,
  ratio REAL
) STRICT;
INSERT INTO metrics VALUES ('hits', 10, 0.5), ('misses', 2, NULL);
