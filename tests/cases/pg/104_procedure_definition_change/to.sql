-- covers: procedure bodies changed: plpgsql procedure with INOUT parameter, SQL procedure with BEGIN ATOMIC
CREATE TABLE counter (name text PRIMARY KEY, n integer NOT NULL DEFAULT 0);
CREATE PROCEDURE bump(p_name text, INOUT p_new integer DEFAULT NULL) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO counter (name, n) VALUES (p_name, 1)
    ON CONFLICT (name) DO UPDATE SET n = counter.n + 1
    RETURNING n INTO p_new;
END
$$;
CREATE PROCEDURE reset_all() LANGUAGE sql
BEGIN ATOMIC
    UPDATE counter SET n = 0 WHERE n <> 0;
    DELETE FROM counter WHERE name LIKE 'tmp%';
END;
