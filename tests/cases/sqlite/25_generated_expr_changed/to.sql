-- covers: generated column expression changed for a VIRTUAL column (indexed) and a STORED column; the new expressions give the same values for the existing rows (trim on untrimmed-free data, octet vs char length on ASCII)
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT GENERATED ALWAYS AS (upper(trim(name))) VIRTUAL,
  name_len INTEGER GENERATED ALWAYS AS (length(CAST(name AS BLOB))) STORED
);
CREATE INDEX tags_name_key_idx ON tags(name_key);
