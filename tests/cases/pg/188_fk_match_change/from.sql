CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c1 (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT c1_fk FOREIGN KEY (a, b) REFERENCES p (a, b));
CREATE TABLE c2 (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT c2_fk FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL);
INSERT INTO p VALUES (1, 1), (1, 2);
INSERT INTO c1 VALUES (1, 1, 1), (2, NULL, NULL);
INSERT INTO c2 VALUES (1, 1, 2), (2, NULL, NULL);
