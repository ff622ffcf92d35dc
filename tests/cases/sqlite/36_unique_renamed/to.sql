-- covers: unique name changed (CONSTRAINT uq_plate -> uq_vehicles_plate, same columns); the other named UNIQUE is unchanged
CREATE TABLE vehicles (
  id INTEGER PRIMARY KEY,
  plate TEXT NOT NULL,
  vin TEXT NOT NULL,
  CONSTRAINT uq_vehicles_plate UNIQUE (plate),
  CONSTRAINT vin_unique UNIQUE (vin)
);
