-- covers: an unused ascending sequence becomes descending (INCREMENT BY -1, so default MINVALUE, MAXVALUE and START flip too)
CREATE SEQUENCE countdown INCREMENT BY -1;
CREATE TABLE t (id integer PRIMARY KEY);
