-- covers: trigger sql changed: WHEN threshold and body changed on one trigger; event changed (BEFORE UPDATE -> BEFORE INSERT) on another
CREATE TABLE inventory (
  sku TEXT PRIMARY KEY,
  qty INTEGER NOT NULL
);
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL,
  msg TEXT NOT NULL
);
CREATE TRIGGER inventory_low AFTER UPDATE OF qty ON inventory WHEN NEW.qty < 10 BEGIN
  INSERT INTO alerts (sku, msg) VALUES (NEW.sku, 'low stock: ' || NEW.qty);
END;
CREATE TRIGGER inventory_guard BEFORE INSERT ON inventory BEGIN
  SELECT RAISE(ABORT, 'negative') WHERE NEW.qty < 0;
END;
