CREATE TABLE words (id integer PRIMARY KEY, a text, b text COLLATE "C", c varchar(20) COLLATE "C", d text COLLATE "C");
CREATE INDEX words_d_idx ON words (d);
INSERT INTO words VALUES (1, 'apple', 'Banana', 'cherry', 'Date'), (2, 'Zed', 'ant', NULL, 'egg');
