-- covers: retypes with no cast path on key columns: a primary key column (integer -> date) referenced by a foreign key whose column is retyped the same way; the foreign key dropped first and added again after both columns, the primary key added again, a view joining them rebuilt; another table's rows kept
CREATE TABLE periods (id date PRIMARY KEY, label text);
CREATE TABLE bookings (
    id integer PRIMARY KEY,
    period date REFERENCES periods (id),
    note text
);
CREATE VIEW booked_periods AS SELECT b.id, p.id AS period, p.label FROM bookings b JOIN periods p ON p.id = b.period;
CREATE TABLE kept (id integer PRIMARY KEY, body text);
