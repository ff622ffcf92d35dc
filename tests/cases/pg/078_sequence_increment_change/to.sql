-- covers: sequence INCREMENT BY changes: 1 -> 5, 10 -> 1, 2 -> 3 (all ascending)
CREATE SEQUENCE s1 INCREMENT BY 5;
CREATE SEQUENCE s2;
CREATE SEQUENCE s3 INCREMENT 3;
CREATE TABLE t (id integer PRIMARY KEY DEFAULT nextval('s1'), v text);
