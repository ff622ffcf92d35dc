CREATE TABLE t (a integer PRIMARY KEY, b text, c date);
INSERT INTO t VALUES (1, 'x', '2024-01-01'), (2, 'y', NULL);
