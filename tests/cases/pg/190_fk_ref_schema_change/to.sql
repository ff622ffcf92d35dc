-- covers: foreign key retargeted from s1.parent to the same-named s2.parent (rows exist in both)
CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.parent (id integer PRIMARY KEY);
CREATE TABLE s2.parent (id integer PRIMARY KEY);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer CONSTRAINT child_parent_fk REFERENCES s2.parent (id));
