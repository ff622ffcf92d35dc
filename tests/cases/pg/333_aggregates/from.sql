-- roles: sd_alice, sd_bob
CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE WHEN $1 = '' THEN $2 ELSE $1 || ',' || $2 END$$;
CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '');
CREATE AGGREGATE old_sum(integer) (SFUNC = int4pl, STYPE = integer);
ALTER AGGREGATE old_sum(integer) OWNER TO sd_alice;
REVOKE ALL ON FUNCTION old_sum(integer) FROM PUBLIC;
COMMENT ON AGGREGATE old_sum(integer) IS 'dropped with its comment';
CREATE AGGREGATE changing(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE AGGREGATE named_arg(val integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE owned(integer) (SFUNC = int4pl, STYPE = integer);
ALTER AGGREGATE owned(integer) OWNER TO sd_alice;
GRANT EXECUTE ON FUNCTION owned(integer) TO sd_bob;
COMMENT ON AGGREGATE owned(integer) IS 'v1';
CREATE TABLE item (id integer PRIMARY KEY, name text, qty integer);
CREATE VIEW item_names AS SELECT group_concat(name) AS names FROM item;
INSERT INTO item VALUES (1, 'a', 2), (2, 'b', 3);
