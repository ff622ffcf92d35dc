CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  fax TEXT COLLATE NOCASE DEFAULT 'none',
  name TEXT NOT NULL,
  phone TEXT,
  legacy_code INTEGER NOT NULL DEFAULT 0
);
INSERT INTO contacts VALUES (1, 'none', 'ada', '555-1', 7), (2, '555-2', 'bob', NULL, 0);
