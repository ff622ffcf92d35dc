CREATE TABLE company (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO company VALUES (1, 'acme');
