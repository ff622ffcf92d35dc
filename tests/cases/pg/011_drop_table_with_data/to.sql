-- covers: dropping a table that holds rows (destructive) while the neighbour table keeps its rows
CREATE TABLE keep_me (id integer PRIMARY KEY, v text);
