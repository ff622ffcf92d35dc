CREATE TABLE samples (
  batch TEXT NOT NULL,
  idx INTEGER NOT NULL,
  value REAL,
  CONSTRAINT pk_samples PRIMARY KEY (batch, idx)
);
CREATE TABLE notes (
  title TEXT PRIMARY KEY,
  body TEXT
);
INSERT INTO samples VALUES ('b1', 1, 0.5), ('b1', 2, 0.75), ('b2', 1, NULL);
INSERT INTO notes VALUES ('todo', 'buy milk'), ('idea', NULL);
