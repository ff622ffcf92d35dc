-- covers: plpgsql function bodies changed (logic, declared variables, exception block)
CREATE FUNCTION grade(score integer) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result text;
BEGIN
    result := CASE WHEN score >= 80 THEN 'distinction' WHEN score >= 50 THEN 'pass' ELSE 'fail' END;
    RETURN result;
END
$$;
CREATE FUNCTION safe_div(a numeric, b numeric) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
    RETURN a / b;
EXCEPTION WHEN division_by_zero THEN
    RETURN NULL;
END
$$;
CREATE TABLE exam (id integer PRIMARY KEY, score integer NOT NULL);
