CREATE TABLE vehicle (id integer NOT NULL, maker text NOT NULL);
CREATE TABLE car (doors integer NOT NULL DEFAULT 4) INHERITS (vehicle);
INSERT INTO vehicle VALUES (1, 'ford');
INSERT INTO car VALUES (2, 'vw', 2), (3, 'audi', 5);
