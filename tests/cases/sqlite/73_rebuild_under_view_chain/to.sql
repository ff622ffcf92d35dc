-- covers: a base table rebuilt (station becomes NOT NULL, temp gets a CHECK) underneath a chain of three views (view on view on view) and an INSTEAD OF trigger on the first view; all must be recreated unchanged
CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  station TEXT NOT NULL,
  temp REAL NOT NULL CHECK (temp BETWEEN -90 AND 60)
);
CREATE VIEW v_readings AS SELECT id AS id, station AS station, temp AS temp FROM readings;
CREATE VIEW v_warm AS SELECT station AS station, temp AS temp FROM v_readings WHERE temp > 20;
CREATE VIEW v_warm_count AS SELECT count(*) AS n FROM v_warm;
CREATE TRIGGER v_readings_insert INSTEAD OF INSERT ON v_readings BEGIN
  INSERT INTO readings (station, temp) VALUES (NEW.station, NEW.temp);
END;
