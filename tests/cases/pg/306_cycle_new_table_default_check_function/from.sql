CREATE TABLE ticket (id integer PRIMARY KEY, title text NOT NULL);
INSERT INTO ticket VALUES (1, 'first'), (2, 'second');
