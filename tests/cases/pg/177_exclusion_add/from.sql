CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL);
INSERT INTO booking VALUES
    (1, 101, '[2024-01-01 10:00, 2024-01-01 12:00)'),
    (2, 101, '[2024-01-01 12:00, 2024-01-01 13:00)'),
    (3, 102, '[2024-01-01 10:00, 2024-01-01 12:00)');
