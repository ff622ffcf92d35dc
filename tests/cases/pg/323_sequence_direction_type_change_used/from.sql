CREATE SEQUENCE s_up AS integer;
CREATE SEQUENCE s_down INCREMENT BY -1;
SELECT nextval('s_up') FROM generate_series(1, 5);
SELECT nextval('s_down') FROM generate_series(1, 3);
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
