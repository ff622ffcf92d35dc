CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
INSERT INTO item VALUES (1, 5), (2, 7), (3, 0);
