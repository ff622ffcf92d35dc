-- covers: a new domain whose CHECK calls a function whose SQL-standard body uses the domain
-- (a loop: the function needs the domain, the domain's CHECK the function): the domain is
-- created bare, then the function, then its default and CHECK (ALTER DOMAIN); a kept table
-- with rows gets a column of it
CREATE FUNCTION zero() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 0';
CREATE DOMAIN level AS integer;
CREATE FUNCTION level_ok(integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT
BEGIN ATOMIC
    SELECT $1 <= 100 AND 'public.level'::regtype IS NOT NULL;
END;
ALTER DOMAIN level ADD CONSTRAINT level_range CHECK (level_ok(VALUE));
ALTER DOMAIN level SET DEFAULT zero();
CREATE TABLE reading (id integer PRIMARY KEY, value integer, lvl level);
INSERT INTO reading VALUES (1, 10), (2, NULL);
