CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  sensor TEXT NOT NULL,
  value REAL,
  raw BLOB,
  extra ANY
);
CREATE INDEX readings_sensor_idx ON readings(sensor);
INSERT INTO readings VALUES (1, 's1', 20.5, x'0102', 'x'), (2, 's2', NULL, NULL, 7), (3, 's1', 21.0, x'', NULL);
