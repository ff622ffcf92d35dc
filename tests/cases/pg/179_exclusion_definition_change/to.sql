-- covers: exclusion definitions changed (rows satisfy them): WHERE predicate added, extra column added, index method parameters
CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL, cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled));
CREATE TABLE lease (car integer NOT NULL, site integer NOT NULL, span daterange NOT NULL,
    CONSTRAINT lease_excl EXCLUDE USING gist (site WITH =, car WITH =, span WITH &&));
