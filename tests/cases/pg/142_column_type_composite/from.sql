CREATE TYPE point2 AS (x integer, y integer);
CREATE TABLE shape (id integer PRIMARY KEY, pr text, p point2);
INSERT INTO shape VALUES (1, '(1,abc)', ROW(1, 2)), (2, NULL, ROW(3, 4));
