-- covers: WITHOUT ROWID + STRICT together: an existing table becomes WITHOUT ROWID, STRICT (strict and without_rowid changed) and a new table is created WITHOUT ROWID, STRICT (added)
CREATE TABLE currencies (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  digits INTEGER NOT NULL DEFAULT 2
) WITHOUT ROWID, STRICT;
CREATE TABLE rates (
  base TEXT NOT NULL REFERENCES currencies(code),
  quote TEXT NOT NULL REFERENCES currencies(code),
  rate REAL NOT NULL CHECK (rate > 0),
  PRIMARY KEY (base, quote)
) STRICT, WITHOUT ROWID;
