CREATE FUNCTION grade(score integer) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF score >= 50 THEN RETURN 'pass'; END IF;
    RETURN 'fail';
END
$$;
CREATE FUNCTION safe_div(a numeric, b numeric) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
    RETURN a / b;
END
$$;
CREATE TABLE exam (id integer PRIMARY KEY, score integer NOT NULL);
INSERT INTO exam VALUES (1, 40), (2, 90);
