CREATE TABLE t (id integer PRIMARY KEY, email text);
INSERT INTO t VALUES (1, 'a@x'), (2, 'b@x');
