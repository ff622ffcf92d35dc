CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, m mood, x text);
INSERT INTO t VALUES (1, 'ok', 'a'), (2, 'happy', 'b');
