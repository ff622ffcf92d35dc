-- covers: same columns in a different order (a, b, c -> a, c, b) on a table with rows
CREATE TABLE t (a integer PRIMARY KEY, c date, b text);
