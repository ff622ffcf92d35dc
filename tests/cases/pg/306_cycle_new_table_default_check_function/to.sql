-- covers: a new table whose column default and CHECK call functions with SQL-standard bodies
-- (BEGIN ATOMIC) that read that table: a loop only visible through the table's columns and
-- constraints (the script used to create the table before the functions, or the reverse,
-- and fail); the default and the CHECK are added after the functions
CREATE TABLE ticket (id integer PRIMARY KEY, title text NOT NULL);
INSERT INTO ticket VALUES (1, 'first'), (2, 'second');
CREATE TABLE counter (id integer PRIMARY KEY, n integer, label text DEFAULT 'x');
CREATE FUNCTION next_n() RETURNS integer LANGUAGE sql VOLATILE
BEGIN ATOMIC
    SELECT coalesce(max(n), 0) + 1 FROM counter;
END;
CREATE FUNCTION small_enough(integer) RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT $1 < (SELECT 1000 + count(*) FROM counter);
END;
ALTER TABLE counter ALTER n SET DEFAULT next_n();
ALTER TABLE counter ADD CONSTRAINT counter_small CHECK (small_enough(n));
COMMENT ON CONSTRAINT counter_small ON counter IS 'added after small_enough()';
