CREATE TABLE reading (id integer PRIMARY KEY, value integer);
INSERT INTO reading VALUES (1, 10), (2, NULL);
