CREATE TABLE t (
    id integer PRIMARY KEY, a integer, b integer, c integer,
    CONSTRAINT t_a_key UNIQUE (a),
    CONSTRAINT t_b_key UNIQUE (b) DEFERRABLE,
    CONSTRAINT t_c_key UNIQUE (c) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO t VALUES (1, 1, 1, 1), (2, 2, 2, 2);
