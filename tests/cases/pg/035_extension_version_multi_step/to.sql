-- covers: multi-step extension upgrades: btree_gist 1.6 -> 1.7 under an exclusion constraint, hstore 1.4 -> 1.8
CREATE EXTENSION btree_gist VERSION '1.7';
CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE booking (room integer NOT NULL, during tsrange NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
