-- covers: exclusion constraints (btree_gist) added to a table with non-overlapping rows, with a comment; new table with a partial exclusion constraint
CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a room is booked once at a time';
CREATE TABLE shift (worker integer NOT NULL, span daterange NOT NULL, cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT shift_no_overlap EXCLUDE USING gist (worker WITH =, span WITH &&) WHERE (NOT cancelled));
