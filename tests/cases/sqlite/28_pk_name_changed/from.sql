CREATE TABLE countries (
  iso2 TEXT NOT NULL,
  name TEXT NOT NULL,
  CONSTRAINT pk_country PRIMARY KEY (iso2)
);
CREATE TABLE regions (
  id INTEGER PRIMARY KEY,
  iso2 TEXT NOT NULL REFERENCES countries(iso2),
  name TEXT NOT NULL
);
INSERT INTO countries VALUES ('FR', 'France'), ('JP', 'Japan');
INSERT INTO regions VALUES (1, 'FR', 'Bretagne'), (2, 'JP', 'Kansai');
