-- covers: sequence OWNED BY: set, removed, moved to another column, moved to another table
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
CREATE TABLE u (id integer PRIMARY KEY, n integer);
CREATE SEQUENCE s1 OWNED BY t.id;
CREATE SEQUENCE s2;
CREATE SEQUENCE s3 OWNED BY t.b;
CREATE SEQUENCE s4 OWNED BY u.n;
