CREATE TYPE color AS ENUM ('red', 'blue');
CREATE TABLE palette (id integer PRIMARY KEY, colors color[] NOT NULL DEFAULT '{}');
INSERT INTO palette VALUES (1, '{red,blue}'), (2, '{}');
