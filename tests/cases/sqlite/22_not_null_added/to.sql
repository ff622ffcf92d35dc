-- covers: not_null changed (nullable -> NOT NULL) on columns whose existing rows have no NULLs; population stays nullable
CREATE TABLE cities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  population INTEGER
);
CREATE INDEX cities_country_idx ON cities(country);
