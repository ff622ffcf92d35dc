-- covers: foreign key NOT VALID -> validated (rows satisfy it) and validated -> NOT VALID
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer);
ALTER TABLE c ADD CONSTRAINT c_a FOREIGN KEY (a) REFERENCES p (id);
ALTER TABLE c ADD CONSTRAINT c_b FOREIGN KEY (b) REFERENCES p (id) NOT VALID;
