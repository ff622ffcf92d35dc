CREATE TABLE animal (id integer NOT NULL, name text NOT NULL);
CREATE TABLE plant (id integer NOT NULL, name text NOT NULL);
CREATE TABLE dog (id integer NOT NULL, name text NOT NULL, breed text);
CREATE TABLE cat (indoor boolean) INHERITS (animal);
CREATE TABLE fern (spores boolean) INHERITS (animal);
INSERT INTO animal VALUES (1, 'generic');
INSERT INTO dog VALUES (2, 'rex', 'lab');
INSERT INTO cat VALUES (3, 'tom', true);
INSERT INTO fern VALUES (4, 'frond', true);
