-- covers: drop a VIRTUAL generated column and a STORED generated column (generated and generated_kind dropped)
CREATE TABLE boxes (
  id INTEGER PRIMARY KEY,
  w REAL NOT NULL,
  h REAL NOT NULL,
  label TEXT
);
