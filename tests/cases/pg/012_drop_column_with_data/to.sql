-- covers: dropping columns that hold data (destructive), one with an index, one with a default, one in the middle
CREATE TABLE person (
    id integer PRIMARY KEY,
    name text NOT NULL
);
