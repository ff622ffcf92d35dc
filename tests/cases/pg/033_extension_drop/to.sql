-- covers: extensions dropped (citext 1.6, hstore 1.7) that nothing depends on
CREATE TABLE t (id integer PRIMARY KEY, v text);
