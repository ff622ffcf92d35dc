-- covers: a new composite type returned by a new function and expanded by a new view over a table with rows
CREATE TYPE emp_card AS (full_name text, band text);
CREATE TABLE emp (id integer PRIMARY KEY, first text NOT NULL, last text NOT NULL, salary integer NOT NULL);
CREATE FUNCTION card(e emp) RETURNS emp_card LANGUAGE sql STABLE
    RETURN ROW(e.first || ' ' || e.last, CASE WHEN e.salary > 110 THEN 'senior' ELSE 'junior' END)::emp_card;
CREATE VIEW emp_cards AS SELECT e.id, (card(e)).full_name, (card(e)).band FROM emp e;
