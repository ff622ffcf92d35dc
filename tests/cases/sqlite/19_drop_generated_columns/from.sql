CREATE TABLE boxes (
  id INTEGER PRIMARY KEY,
  w REAL NOT NULL,
  h REAL NOT NULL,
  area REAL GENERATED ALWAYS AS (w * h) VIRTUAL,
  perimeter REAL GENERATED ALWAYS AS (2 * (w + h)) STORED,
  label TEXT
);
INSERT INTO boxes (id, w, h, label) VALUES (1, 2, 3, 'small'), (2, 10, 4.5, 'big');
