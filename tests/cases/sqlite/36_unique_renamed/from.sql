CREATE TABLE vehicles (
  id INTEGER PRIMARY KEY,
  plate TEXT NOT NULL,
  vin TEXT NOT NULL,
  CONSTRAINT uq_plate UNIQUE (plate),
  CONSTRAINT vin_unique UNIQUE (vin)
);
INSERT INTO vehicles VALUES (1, 'AB-123', 'VIN0001'), (2, 'CD-456', 'VIN0002');
