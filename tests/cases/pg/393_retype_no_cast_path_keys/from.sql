-- No rows in the retyped tables: a key column and the column referencing it, both with no
-- cast path, are dropped and added again (with generated rows the guards refuse).
CREATE TABLE periods (id integer PRIMARY KEY, label text);
CREATE TABLE bookings (
    id integer PRIMARY KEY,
    period integer REFERENCES periods (id),
    note text
);
CREATE VIEW booked_periods AS SELECT b.id, p.id AS period, p.label FROM bookings b JOIN periods p ON p.id = b.period;
CREATE TABLE kept (id integer PRIMARY KEY, body text);
INSERT INTO kept VALUES (1, 'kept');
