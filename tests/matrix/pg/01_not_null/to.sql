CREATE TABLE t (id integer PRIMARY KEY, x text NOT NULL);
