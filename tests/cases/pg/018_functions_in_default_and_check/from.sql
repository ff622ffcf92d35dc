CREATE TABLE article (id integer PRIMARY KEY, title text NOT NULL);
INSERT INTO article VALUES (1, 'Hello World'), (2, 'Second Post');
