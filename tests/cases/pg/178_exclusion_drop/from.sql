CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a room is booked once at a time';
CREATE TABLE shift (worker integer NOT NULL, span daterange NOT NULL,
    CONSTRAINT shift_no_overlap EXCLUDE USING gist (worker WITH =, span WITH &&));
INSERT INTO booking VALUES (1, 101, '[2024-01-01 10:00, 2024-01-01 12:00)');
INSERT INTO shift VALUES (1, '[2024-01-01, 2024-01-05)');
