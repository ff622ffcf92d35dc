CREATE TABLE t (id integer PRIMARY KEY, status varchar(10) NOT NULL DEFAULT 'new', qty integer NOT NULL DEFAULT 0, active smallint NOT NULL DEFAULT 0);
INSERT INTO t VALUES (1, 'done', 4, 1), (2, 'new', 0, 0);
