-- covers: table strict changed (STRICT -> plain); column types unchanged
CREATE TABLE metrics (
  name TEXT PRIMARY KEY,
  total INT NOT NULL DEFAULT 0,
  ratio REAL
);
