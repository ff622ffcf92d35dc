-- covers: NOT NULL added to columns whose rows are all non-null, and removed from others
CREATE TABLE t (id integer PRIMARY KEY, a text NOT NULL, b integer NOT NULL, c text, d date);
