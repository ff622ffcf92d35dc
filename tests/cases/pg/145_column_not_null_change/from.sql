CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c text NOT NULL, d date NOT NULL);
INSERT INTO t VALUES (1, 'x', 1, 'c', '2024-01-01'), (2, 'y', 2, 'c', '2024-01-02');
