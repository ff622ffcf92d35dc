-- covers: primary_key columns changed: named PK widened (product) -> (product, region, valid_from); unnamed composite PK (a, b) -> (b, a) column order change; existing rows stay unique
CREATE TABLE prices (
  product TEXT NOT NULL,
  region TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  amount REAL NOT NULL,
  CONSTRAINT pk_prices PRIMARY KEY (product, region, valid_from)
);
CREATE TABLE slots (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  PRIMARY KEY (b, a)
);
