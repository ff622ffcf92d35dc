-- covers: a sequence used by another table's column DEFAULT is dropped together with that default; an unrelated owned sequence stays
CREATE TABLE a (id integer PRIMARY KEY, v text);
CREATE TABLE b (id serial PRIMARY KEY, ref integer);
