CREATE TABLE t (id integer NOT NULL, v text);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
