-- covers: check dropped: a named table CHECK and an unnamed column CHECK are removed (name and expression dropped)
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  starts TEXT NOT NULL,
  ends TEXT NOT NULL,
  guests INTEGER NOT NULL
);
