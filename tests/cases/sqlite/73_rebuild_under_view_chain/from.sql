CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  station TEXT,
  temp REAL NOT NULL
);
CREATE VIEW v_readings AS SELECT id AS id, station AS station, temp AS temp FROM readings;
CREATE VIEW v_warm AS SELECT station AS station, temp AS temp FROM v_readings WHERE temp > 20;
CREATE VIEW v_warm_count AS SELECT count(*) AS n FROM v_warm;
CREATE TRIGGER v_readings_insert INSTEAD OF INSERT ON v_readings BEGIN
  INSERT INTO readings (station, temp) VALUES (NEW.station, NEW.temp);
END;
INSERT INTO readings VALUES (1, 'oslo', 12.5), (2, 'rome', 24.0), (3, 'cairo', 31.5);
