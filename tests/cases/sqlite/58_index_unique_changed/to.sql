-- covers: index unique changed (non-unique -> UNIQUE on data that is already unique; UNIQUE -> non-unique)
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL,
  model TEXT NOT NULL
);
CREATE UNIQUE INDEX devices_serial_idx ON devices(serial);
CREATE INDEX devices_model_idx ON devices(model);
