CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, m mood, email text);
INSERT INTO t VALUES (1, 'ok', 'a@x'), (2, 'happy', 'b@x');
