-- roles: sd_alice
-- covers: privileges: every privilege revoked (owner's too) vs default vs an ACL put back to its default after a REVOKE; sequence, function and type privileges revoked from the owner and from PUBLIC
CREATE TABLE t1 (id integer PRIMARY KEY);
REVOKE ALL ON t1 FROM CURRENT_USER;
CREATE TABLE t2 (id integer PRIMARY KEY);
CREATE TABLE t3 (id integer PRIMARY KEY);
CREATE SEQUENCE s1;
REVOKE ALL ON SEQUENCE s1 FROM CURRENT_USER;
CREATE FUNCTION f1() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION f1() FROM PUBLIC;
REVOKE ALL ON FUNCTION f1() FROM CURRENT_USER;
CREATE TYPE e1 AS ENUM ('a');
REVOKE ALL ON TYPE e1 FROM PUBLIC;
INSERT INTO t1 VALUES (1);
