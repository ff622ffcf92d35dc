CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE p2 (x integer, y integer, PRIMARY KEY (x, y));
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer, u integer, v integer,
    CONSTRAINT c_p_fk FOREIGN KEY (a) REFERENCES p (id),
    CONSTRAINT c_p2_fk FOREIGN KEY (u, v) REFERENCES p2 (x, y));
INSERT INTO p VALUES (1), (2);
INSERT INTO p2 VALUES (1, 2), (2, 1);
INSERT INTO c VALUES (1, 1, 2, 1, 2), (2, NULL, 1, 2, 1);
