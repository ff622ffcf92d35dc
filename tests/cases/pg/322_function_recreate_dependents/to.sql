-- covers: a BEGIN ATOMIC function dropped with the column it reads; a parameter rename (drop + create) of a function a view uses (view rebuilt); a procedure parameter renamed
CREATE TABLE acct (id integer PRIMARY KEY, bal integer);
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE VIEW acct_double AS SELECT id, double_it(bal) AS dbl FROM acct;
CREATE PROCEDURE touch(acct_id integer) LANGUAGE sql AS 'UPDATE acct SET bal = bal WHERE id = acct_id';
