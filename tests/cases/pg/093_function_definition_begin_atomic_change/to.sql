-- covers: SQL-standard bodies: BEGIN ATOMIC body changed, string body -> BEGIN ATOMIC, BEGIN ATOMIC -> RETURN expression
CREATE TABLE price (id integer PRIMARY KEY, net numeric(10,2) NOT NULL);
CREATE FUNCTION gross(p_id integer) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT round(net * 1.25, 2) FROM price WHERE id = p_id;
END;
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT x * 2;
END;
CREATE FUNCTION triple_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
    RETURN x * 3;
