CREATE TABLE temperatures (
  id INTEGER PRIMARY KEY,
  celsius REAL NOT NULL,
  CONSTRAINT ck_temp CHECK (celsius >= -273.15)
);
INSERT INTO temperatures VALUES (1, 21.5), (2, -40);
