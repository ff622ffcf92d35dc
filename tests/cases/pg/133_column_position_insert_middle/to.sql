-- covers: a column added in the middle of one table and a middle column dropped from another (positions of later columns shift)
CREATE TABLE t (id integer PRIMARY KEY, m integer, z text);
CREATE TABLE u (id integer PRIMARY KEY, z text);
