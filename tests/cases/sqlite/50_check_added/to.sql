-- covers: check added to a table with rows and a trigger: named table CHECK using a function (length(trim(title)) > 0), unnamed column CHECK (price >= 0); the trigger on the rebuilt table must be recreated
CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  price INTEGER NOT NULL CHECK (price >= 0),
  updated TEXT,
  CONSTRAINT ck_listings_title CHECK (length(trim(title)) > 0)
);
CREATE TABLE listing_log (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL,
  old_price INTEGER
);
CREATE TRIGGER listings_price_log AFTER UPDATE OF price ON listings BEGIN
  INSERT INTO listing_log (listing_id, old_price) VALUES (OLD.id, OLD.price);
END;
