CREATE TABLE counter (name text PRIMARY KEY, n integer NOT NULL DEFAULT 0);
CREATE PROCEDURE bump(p_name text, INOUT p_new integer DEFAULT NULL) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE counter SET n = n + 1 WHERE name = p_name RETURNING n INTO p_new;
END
$$;
CREATE PROCEDURE reset_all() LANGUAGE sql
BEGIN ATOMIC
    UPDATE counter SET n = 0;
END;
INSERT INTO counter VALUES ('a', 1), ('b', 5);
