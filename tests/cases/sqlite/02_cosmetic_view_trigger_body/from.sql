CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  qty INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE item_log (
  id INTEGER PRIMARY KEY,
  item_id INTEGER,
  note TEXT
);
CREATE VIEW in_stock AS SELECT id AS id, name AS name FROM items WHERE qty > 0;
CREATE TRIGGER items_log AFTER UPDATE OF qty ON items BEGIN
  INSERT INTO item_log (item_id, note) VALUES (NEW.id, 'qty changed');
END;
INSERT INTO items VALUES (1, 'bolt', 10), (2, 'nut', 0);
INSERT INTO item_log VALUES (1, 1, 'seed');
