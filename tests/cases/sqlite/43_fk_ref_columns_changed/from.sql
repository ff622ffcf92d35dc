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
  CONSTRAINT fk_flights_origin FOREIGN KEY (origin) REFERENCES airports(iata),
  CONSTRAINT fk_flights_dest FOREIGN KEY (dest) REFERENCES airports(iata)
);
INSERT INTO airports VALUES (1, 'OSL', 'OSL', 'Oslo'), (2, 'HEL', 'HEL', 'Helsinki'), (3, 'ARN', 'ARN', 'Stockholm');
INSERT INTO flights VALUES (1, 'OSL', 'HEL'), (2, 'HEL', 'ARN');
