CREATE TABLE prices (
  product TEXT NOT NULL,
  region TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  amount REAL NOT NULL,
  CONSTRAINT pk_prices PRIMARY KEY (product)
);
CREATE TABLE slots (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  PRIMARY KEY (a, b)
);
INSERT INTO prices VALUES ('p1', 'eu', '2024-01-01', 10), ('p2', 'eu', '2024-01-01', 12.5), ('p3', 'us', '2024-02-01', 9);
INSERT INTO slots VALUES (1, 1), (2, 1), (3, 2);
