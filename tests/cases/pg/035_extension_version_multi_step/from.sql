CREATE EXTENSION btree_gist VERSION '1.6';
CREATE EXTENSION hstore VERSION '1.4';
CREATE TABLE booking (room integer NOT NULL, during tsrange NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
INSERT INTO booking VALUES (1, '[2024-01-01 10:00, 2024-01-01 11:00)'), (1, '[2024-01-01 11:00, 2024-01-01 12:00)');
