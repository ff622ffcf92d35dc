CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.parent (id integer PRIMARY KEY);
CREATE TABLE s2.parent (id integer PRIMARY KEY);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer CONSTRAINT child_parent_fk REFERENCES s1.parent (id));
INSERT INTO s1.parent VALUES (1), (2);
INSERT INTO s2.parent VALUES (1), (2);
INSERT INTO child VALUES (1, 1), (2, 2);
