CREATE TABLE doc (id integer NOT NULL, title varchar(50), legacy text);
CREATE TABLE memo (urgent boolean) INHERITS (doc);
INSERT INTO doc VALUES (1, 'plain', 'x');
INSERT INTO memo VALUES (2, 'memo one', 'y', true);
