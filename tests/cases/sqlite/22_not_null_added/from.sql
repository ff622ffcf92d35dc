CREATE TABLE cities (
  id INTEGER PRIMARY KEY,
  name TEXT,
  country TEXT,
  population INTEGER
);
CREATE INDEX cities_country_idx ON cities(country);
INSERT INTO cities VALUES (1, 'Paris', 'FR', 2100000), (2, 'Lyon', 'FR', NULL), (3, 'Kyoto', 'JP', 1460000);
