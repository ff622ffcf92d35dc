-- covers: unique columns changed on a named constraint (uq_seat: (venue, row_label, seat_no) -> (row_label, seat_no)); existing rows satisfy the narrower key
CREATE TABLE seats (
  id INTEGER PRIMARY KEY,
  venue TEXT NOT NULL,
  row_label TEXT NOT NULL,
  seat_no INTEGER NOT NULL,
  CONSTRAINT uq_seat UNIQUE (row_label, seat_no)
);
