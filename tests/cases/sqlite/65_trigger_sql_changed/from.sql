CREATE TABLE inventory (
  sku TEXT PRIMARY KEY,
  qty INTEGER NOT NULL
);
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL,
  msg TEXT NOT NULL
);
CREATE TRIGGER inventory_low AFTER UPDATE OF qty ON inventory WHEN NEW.qty < 5 BEGIN
  INSERT INTO alerts (sku, msg) VALUES (NEW.sku, 'low stock');
END;
CREATE TRIGGER inventory_guard BEFORE UPDATE ON inventory BEGIN
  SELECT RAISE(ABORT, 'negative') WHERE NEW.qty < 0;
END;
INSERT INTO inventory VALUES ('A-1', 10), ('B-2', 3);
INSERT INTO alerts VALUES (1, 'B-2', 'low stock');
