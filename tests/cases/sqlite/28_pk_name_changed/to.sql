-- covers: primary_key name changed (CONSTRAINT pk_country -> CONSTRAINT pk_countries, same columns) on a table referenced by an FK
CREATE TABLE countries (
  iso2 TEXT NOT NULL,
  name TEXT NOT NULL,
  CONSTRAINT pk_countries PRIMARY KEY (iso2)
);
CREATE TABLE regions (
  id INTEGER PRIMARY KEY,
  iso2 TEXT NOT NULL REFERENCES countries(iso2),
  name TEXT NOT NULL
);
