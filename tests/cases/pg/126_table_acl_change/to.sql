-- roles: sd_alice, sd_bob
-- covers: table privileges: granted, widened, narrowed, revoked, grantee changed, WITH GRANT OPTION added, granted to PUBLIC, owner privileges reduced
CREATE TABLE t1 (id integer PRIMARY KEY);
GRANT SELECT ON t1 TO sd_alice;
CREATE TABLE t2 (id integer PRIMARY KEY);
GRANT SELECT, INSERT, REFERENCES, TRIGGER ON t2 TO sd_alice;
CREATE TABLE t3 (id integer PRIMARY KEY);
GRANT SELECT ON t3 TO sd_alice;
CREATE TABLE t4 (id integer PRIMARY KEY);
CREATE TABLE t5 (id integer PRIMARY KEY);
GRANT SELECT ON t5 TO sd_alice WITH GRANT OPTION;
GRANT SELECT ON t5 TO sd_bob;
CREATE TABLE t6 (id integer PRIMARY KEY);
GRANT SELECT ON t6 TO PUBLIC;
CREATE TABLE t7 (id integer PRIMARY KEY);
REVOKE TRUNCATE, TRIGGER ON t7 FROM postgres;
