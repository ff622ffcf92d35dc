-- covers: sequence CACHE changes: 1 -> 20, 50 -> 1
CREATE SEQUENCE s1 CACHE 20;
CREATE SEQUENCE s2;
CREATE TABLE t (id integer PRIMARY KEY);
