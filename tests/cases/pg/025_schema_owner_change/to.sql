-- roles: sd_alice, sd_bob
-- covers: schema owner changes: postgres -> sd_alice, sd_alice -> sd_bob, sd_bob -> postgres, and an owner change on a schema that has grants
CREATE SCHEMA s1 AUTHORIZATION sd_alice;
CREATE SCHEMA s2 AUTHORIZATION sd_bob;
CREATE SCHEMA s3;
CREATE SCHEMA s4 AUTHORIZATION sd_bob;
GRANT USAGE ON SCHEMA s4 TO sd_alice;
CREATE TABLE s1.t (id integer PRIMARY KEY);
CREATE TABLE s2.t (id integer PRIMARY KEY);
CREATE TABLE s3.t (id integer PRIMARY KEY);
