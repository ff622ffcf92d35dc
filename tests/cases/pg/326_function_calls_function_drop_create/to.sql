-- covers: a table dropped under a view; SQL-standard bodies (RETURN, BEGIN ATOMIC) calling other functions: a caller and its callee both dropped (caller first), a callee whose return type changes: its callers, changed (return type, body) or not, and a view over one, dropped first and created after it, one caller dropped, a new caller of a new callee
CREATE TABLE item (id integer PRIMARY KEY, price integer NOT NULL);
CREATE FUNCTION base_rate(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN v::bigint * 2;
CREATE FUNCTION taxed(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN base_rate(v) + 1;
CREATE FUNCTION surcharge(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN taxed(v) * 2;
CREATE FUNCTION rate_plus(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN base_rate(v) + 20;
CREATE VIEW item_surcharge AS SELECT id, surcharge(price) AS s FROM item;
CREATE FUNCTION new_helper(v integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN v + 5;
CREATE FUNCTION new_caller(v integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT new_helper(v) * 3;
END;
CREATE VIEW item_taxed AS SELECT id, taxed(price) AS t FROM item;
