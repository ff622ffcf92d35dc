-- covers: foreign key retargeted to another unique column of the same table (id -> alt_id)
CREATE TABLE p (id integer PRIMARY KEY, alt_id integer NOT NULL UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p_ref integer CONSTRAINT c_p_fk REFERENCES p (alt_id));
