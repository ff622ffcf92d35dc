CREATE TABLE store (id integer PRIMARY KEY, region_id integer, name text);
INSERT INTO store VALUES (1, 1, 'a'), (2, NULL, 'b');
