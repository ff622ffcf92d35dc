-- roles: sd_alice, sd_bob
-- covers: aggregates (CREATE AGGREGATE) after their support function and before a view that uses them; a view over a changed aggregate is rebuilt around its DROP + CREATE; created (plain, zero-argument (*), moving-aggregate with PARALLEL, with owner, privileges and comment), dropped with owner, privileges and comment, definition changed (INITCOND, FINALFUNC: DROP + CREATE), an argument renamed, owner, privileges and comment changed
CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE WHEN $1 = '' THEN $2 ELSE $1 || ',' || $2 END$$;
CREATE FUNCTION bracket(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT '[' || $1 || ']'$$;
CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '', PARALLEL = SAFE);
CREATE AGGREGATE bracket_concat(text) (SFUNC = concat_step, STYPE = text, FINALFUNC = bracket, INITCOND = '');
ALTER AGGREGATE bracket_concat(text) OWNER TO sd_bob;
REVOKE ALL ON FUNCTION bracket_concat(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bracket_concat(text) TO sd_alice;
COMMENT ON AGGREGATE bracket_concat(text) IS 'new, after its final function';
CREATE AGGREGATE changing(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = int4abs, INITCOND = '10');
CREATE AGGREGATE named_arg(amount integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE owned(integer) (SFUNC = int4pl, STYPE = integer);
ALTER AGGREGATE owned(integer) OWNER TO sd_bob;
REVOKE ALL ON FUNCTION owned(integer) FROM PUBLIC;
COMMENT ON AGGREGATE owned(integer) IS 'v2';
CREATE AGGREGATE row_count(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE msum(integer) (SFUNC = int4pl, STYPE = integer, MSFUNC = int4pl, MINVFUNC = int4mi,
    MSTYPE = integer, PARALLEL = SAFE);
CREATE TABLE item (id integer PRIMARY KEY, name text, qty integer);
CREATE VIEW item_names AS SELECT group_concat(name) AS names FROM item;
CREATE VIEW item_stats AS SELECT bracket_concat(name) AS names, row_count(*) AS n, msum(qty) AS total FROM item;
