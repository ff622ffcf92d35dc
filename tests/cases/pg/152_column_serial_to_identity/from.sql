CREATE TABLE t1 (id serial PRIMARY KEY, v text);
CREATE TABLE t2 (id bigserial PRIMARY KEY, v text);
INSERT INTO t1 (v) VALUES ('a'), ('b');
INSERT INTO t2 (v) VALUES ('c');
