CREATE TABLE parent (id integer PRIMARY KEY, code text NOT NULL);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent (id));
INSERT INTO parent VALUES (1, 'A'), (2, 'B');
INSERT INTO child VALUES (1, 1), (2, 2), (3, NULL);
