CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  qty INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX items_label ON items (label);
INSERT INTO items VALUES (1, 'bolt', 10), (2, 'nut', 0), (3, 'washer', 7);
