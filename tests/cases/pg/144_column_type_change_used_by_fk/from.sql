CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (id integer PRIMARY KEY, author_id integer NOT NULL REFERENCES author (id));
INSERT INTO author VALUES (1, 'le guin'), (2, 'pratchett');
INSERT INTO book VALUES (10, 1), (11, 2), (12, 2);
