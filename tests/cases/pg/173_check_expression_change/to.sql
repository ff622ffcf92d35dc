-- covers: CHECK expressions changed (rows satisfy the new ones): bound widened, extra condition, IN list, function call
CREATE TABLE t (
    id integer PRIMARY KEY, qty integer, status text, name text,
    CONSTRAINT t_qty CHECK (qty BETWEEN 0 AND 100),
    CONSTRAINT t_status CHECK (status IN ('a', 'b', 'c') AND status IS NOT NULL),
    CONSTRAINT t_name CHECK (length(btrim(name)) > 0)
);
