CREATE TABLE region (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE store (id integer PRIMARY KEY, region_id integer REFERENCES region (id), name text);
INSERT INTO region VALUES (1, 'north'), (2, 'south');
INSERT INTO store VALUES (1, 1, 'a'), (2, 2, 'b');
