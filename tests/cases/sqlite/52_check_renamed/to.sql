-- covers: check name changed (CONSTRAINT ck_temp -> ck_temperatures_above_zero_kelvin, same expression)
CREATE TABLE temperatures (
  id INTEGER PRIMARY KEY,
  celsius REAL NOT NULL,
  CONSTRAINT ck_temperatures_above_zero_kelvin CHECK (celsius >= -273.15)
);
