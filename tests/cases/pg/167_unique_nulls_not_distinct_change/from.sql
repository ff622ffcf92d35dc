CREATE TABLE t (id integer PRIMARY KEY, code text, CONSTRAINT t_code_key UNIQUE (code));
CREATE TABLE u (id integer PRIMARY KEY, code text, CONSTRAINT u_code_key UNIQUE NULLS NOT DISTINCT (code));
INSERT INTO t VALUES (1, 'a'), (2, NULL), (3, 'b');
INSERT INTO u VALUES (1, 'a'), (2, NULL);
