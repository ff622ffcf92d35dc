CREATE TABLE arr (id integer PRIMARY KEY, tags text, nums integer[], codes varchar(10)[], words text[]);
INSERT INTO arr VALUES (1, '{a,b}', '{1,2,3}', '{x,y}', '{hello,world}'), (2, '{}', NULL, '{}', NULL);
