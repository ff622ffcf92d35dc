CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  starts TEXT NOT NULL,
  ends TEXT NOT NULL,
  guests INTEGER NOT NULL CHECK (guests BETWEEN 1 AND 8),
  CONSTRAINT ck_bookings_range CHECK (ends > starts)
);
INSERT INTO bookings VALUES (1, '2024-07-01', '2024-07-05', 2), (2, '2024-08-10', '2024-08-11', 1);
