-- covers: unique constraint columns change with rows: (a) -> (a, b), (a, b) -> (b)
CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT t_a_key UNIQUE (a, b));
CREATE TABLE u (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT u_ab_key UNIQUE (b));
