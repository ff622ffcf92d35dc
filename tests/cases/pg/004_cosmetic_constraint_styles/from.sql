CREATE TABLE parent (
    id integer PRIMARY KEY,
    email text UNIQUE,
    qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
    flag boolean DEFAULT true
);
CREATE TABLE child (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES parent (id)
);
CREATE INDEX child_parent_idx ON child (parent_id);
INSERT INTO parent VALUES (1, 'a@x', 3, true), (2, NULL, 0, NULL);
INSERT INTO child VALUES (10, 1), (11, NULL);
