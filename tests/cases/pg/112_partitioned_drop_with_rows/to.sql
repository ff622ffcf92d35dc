-- covers: dropping a LIST-partitioned table and its partitions, all holding rows (destructive)
CREATE TABLE kept (id integer PRIMARY KEY);
