CREATE TABLE ev (id integer PRIMARY KEY, at timestamp, precise timestamp(6), day date);
INSERT INTO ev VALUES (1, '2024-01-01 10:00:00', '2024-01-01 10:00:00.123', '2024-03-01'), (2, NULL, NULL, NULL);
