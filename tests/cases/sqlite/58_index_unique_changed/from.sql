CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL,
  model TEXT NOT NULL
);
CREATE INDEX devices_serial_idx ON devices(serial);
CREATE UNIQUE INDEX devices_model_idx ON devices(model);
INSERT INTO devices VALUES (1, 'S-001', 'm1'), (2, 'S-002', 'm2');
