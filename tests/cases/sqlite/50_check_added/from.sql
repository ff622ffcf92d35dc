CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  price INTEGER NOT NULL,
  updated TEXT
);
CREATE TABLE listing_log (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  old_price INTEGER
);
CREATE TRIGGER listings_price_log AFTER UPDATE OF price ON listings BEGIN
  INSERT INTO listing_log (listing_id, old_price) VALUES (OLD.id, OLD.price);
END;
INSERT INTO listings VALUES (1, 'Bike', 120, NULL), (2, 'Desk', 80, '2024-05-01');
INSERT INTO listing_log VALUES (1, 1, 150);
