CREATE TABLE price (id integer PRIMARY KEY, net numeric(10,2) NOT NULL);
CREATE FUNCTION gross(p_id integer) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT net * 1.2 FROM price WHERE id = p_id;
END;
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE FUNCTION triple_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT x * 3;
END;
INSERT INTO price VALUES (1, 10.00), (2, 99.99);
