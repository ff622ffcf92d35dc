CREATE TABLE seats (
  id INTEGER PRIMARY KEY,
  venue TEXT NOT NULL,
  row_label TEXT NOT NULL,
  seat_no INTEGER NOT NULL,
  CONSTRAINT uq_seat UNIQUE (venue, row_label, seat_no)
);
INSERT INTO seats VALUES (1, 'hall', 'A', 1), (2, 'hall', 'A', 2), (3, 'hall', 'B', 1);
