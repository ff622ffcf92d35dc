-- covers: a chain of views whose dependencies come later in name order (v_a reads v_z, v_m reads v_y and v_b, v_n reads v_m and v_a), all rebuilt around a column type change and a function dropped and created (argument type change) that a view and an index call: dropped dependents first and created dependencies first (util/topo.h, sd_topo_pull), rows kept
CREATE TABLE t (id integer PRIMARY KEY, a bigint NOT NULL, b integer NOT NULL);
CREATE FUNCTION f(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT x + 2; END;
CREATE VIEW v_z AS SELECT id, a, b FROM t;
CREATE VIEW v_y AS SELECT id, a FROM v_z;
CREATE VIEW v_b AS SELECT id, b FROM t;
CREATE VIEW v_a AS SELECT v_z.id, v_z.a, v_b.b FROM v_z JOIN v_b USING (id);
CREATE VIEW v_m AS SELECT v_y.id, v_y.a, v_b.b FROM v_y JOIN v_b USING (id);
CREATE VIEW v_c AS SELECT 1 AS one;
CREATE VIEW v_n AS SELECT id, a FROM v_m UNION ALL SELECT id, a FROM v_a;
CREATE VIEW v_f AS SELECT id, f(a) AS fa FROM v_n;
CREATE INDEX t_f ON t (f(a));
