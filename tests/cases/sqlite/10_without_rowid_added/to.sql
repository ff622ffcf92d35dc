-- covers: table without_rowid changed (rowid -> WITHOUT ROWID) on a parent table referenced by an ON DELETE CASCADE FK; child rows must survive the parent rebuild
CREATE TABLE kv (
  k TEXT NOT NULL PRIMARY KEY,
  v TEXT
) WITHOUT ROWID;
CREATE TABLE kv_history (
  id INTEGER PRIMARY KEY,
  k TEXT NOT NULL REFERENCES kv(k) ON DELETE CASCADE,
  old_v TEXT
);
