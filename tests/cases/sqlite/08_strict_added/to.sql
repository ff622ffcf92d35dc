-- covers: table strict changed (plain -> STRICT) on a table with rows that already conform; its index must survive the rebuild
CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  sensor TEXT NOT NULL,
  value REAL,
  raw BLOB,
  extra ANY
) STRICT;
CREATE INDEX readings_sensor_idx ON readings(sensor);
