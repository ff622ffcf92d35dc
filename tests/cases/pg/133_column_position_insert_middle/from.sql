CREATE TABLE t (id integer PRIMARY KEY, z text);
CREATE TABLE u (id integer PRIMARY KEY, mid text, z text);
INSERT INTO t VALUES (1, 'tz');
INSERT INTO u VALUES (1, 'm', 'uz');
