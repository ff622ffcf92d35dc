-- covers: unique constraints dropped from a kept table, and a table with a commented deferrable NULLS NOT DISTINCT unique dropped
CREATE TABLE person (id integer PRIMARY KEY, email text, first text, last text, badge integer);
