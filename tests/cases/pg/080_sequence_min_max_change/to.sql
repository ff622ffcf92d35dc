-- covers: sequence MINVALUE/MAXVALUE changes: minvalue lowered, maxvalue set, maxvalue removed, minvalue raised with start
CREATE SEQUENCE s1 MINVALUE 0 START WITH 1;
CREATE SEQUENCE s2 MAXVALUE 1000;
CREATE SEQUENCE s3;
CREATE SEQUENCE s4 MINVALUE 5 START WITH 10;
CREATE TABLE t (id integer PRIMARY KEY);
