CREATE TABLE t (
    id integer PRIMARY KEY, qty integer, status text, name text,
    CONSTRAINT t_qty CHECK (qty BETWEEN 0 AND 10),
    CONSTRAINT t_status CHECK (status IN ('a', 'b')),
    CONSTRAINT t_name CHECK (name <> '')
);
INSERT INTO t VALUES (1, 5, 'a', 'x'), (2, 10, 'b', 'Yy');
