CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL, cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
CREATE TABLE lease (car integer NOT NULL, site integer NOT NULL, span daterange NOT NULL,
    CONSTRAINT lease_excl EXCLUDE USING gist (car WITH =, span WITH &&));
INSERT INTO booking VALUES (1, 101, '[2024-01-01 10:00, 2024-01-01 12:00)', false);
INSERT INTO lease VALUES (1, 1, '[2024-01-01, 2024-02-01)'), (2, 1, '[2024-01-01, 2024-02-01)');
