CREATE TABLE category (id integer PRIMARY KEY, parent_id integer, name text NOT NULL);
INSERT INTO category VALUES (1, NULL, 'root'), (2, 1, 'child'), (3, 2, 'grandchild');
