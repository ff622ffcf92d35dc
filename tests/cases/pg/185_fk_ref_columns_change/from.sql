CREATE TABLE p (id integer PRIMARY KEY, alt_id integer NOT NULL UNIQUE);
CREATE TABLE c (id integer PRIMARY KEY, p_ref integer CONSTRAINT c_p_fk REFERENCES p (id));
INSERT INTO p VALUES (1, 1), (2, 2), (3, 30);
INSERT INTO c VALUES (1, 1), (2, 2);
