CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL);
INSERT INTO docs VALUES (1, 'hello world'), (2, 'schema drift');
