-- covers: foreign_key ref_columns changed on a named FK (fk_flights_origin: airports(iata) -> airports(code), both UNIQUE in the parent; the backfilled code values already match existing origins)
CREATE TABLE airports (
  id INTEGER PRIMARY KEY,
  iata TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
CREATE TABLE flights (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  dest TEXT NOT NULL,
  CONSTRAINT fk_flights_origin FOREIGN KEY (origin) REFERENCES airports(code),
  CONSTRAINT fk_flights_dest FOREIGN KEY (dest) REFERENCES airports(iata)
);
