CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL, price numeric(8,2));
CREATE TABLE base (id integer NOT NULL, kind text);
CREATE TABLE derived (extra text) INHERITS (base);
INSERT INTO item VALUES (1, 5, 9.99), (2, 0, NULL);
INSERT INTO base VALUES (1, 'root');
INSERT INTO derived VALUES (2, 'leaf', 'x');
