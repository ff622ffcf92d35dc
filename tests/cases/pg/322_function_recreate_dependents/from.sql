CREATE TABLE acct (id integer PRIMARY KEY, nick text, bal integer);
CREATE FUNCTION acct_nick(p_id integer) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT nick FROM acct WHERE id = p_id;
END;
CREATE FUNCTION double_it(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT v * 2';
CREATE VIEW acct_double AS SELECT id, double_it(bal) AS dbl FROM acct;
CREATE PROCEDURE touch(p_id integer) LANGUAGE sql AS 'UPDATE acct SET bal = bal WHERE id = p_id';
INSERT INTO acct VALUES (1, 'ace', 10), (2, NULL, 20);
