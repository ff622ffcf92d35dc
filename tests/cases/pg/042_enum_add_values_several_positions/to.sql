-- covers: enum values added first, in the middle (AFTER) and last in one change, used by an array column with rows
CREATE TYPE color AS ENUM ('black', 'red', 'green', 'blue', 'white');
CREATE TABLE palette (id integer PRIMARY KEY, colors color[] NOT NULL DEFAULT '{}');
