CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, m mood, q integer);
INSERT INTO t VALUES (1, 'ok', 1), (2, 'happy', 2);
