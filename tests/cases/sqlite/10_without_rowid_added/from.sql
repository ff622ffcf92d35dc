CREATE TABLE kv (
  k TEXT NOT NULL PRIMARY KEY,
  v TEXT
);
CREATE TABLE kv_history (
  id INTEGER PRIMARY KEY,
  k TEXT NOT NULL REFERENCES kv(k) ON DELETE CASCADE,
  old_v TEXT
);
INSERT INTO kv VALUES ('color', 'blue'), ('size', 'L');
INSERT INTO kv_history VALUES (1, 'color', 'red'), (2, 'color', 'green'), (3, 'size', 'M');
