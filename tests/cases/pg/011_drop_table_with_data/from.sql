CREATE TABLE keep_me (id integer PRIMARY KEY, v text);
CREATE TABLE drop_me (id integer PRIMARY KEY, keep_id integer REFERENCES keep_me (id), payload text);
CREATE INDEX drop_me_keep_idx ON drop_me (keep_id);
INSERT INTO keep_me VALUES (1, 'a'), (2, 'b');
INSERT INTO drop_me VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 1, 'z');
