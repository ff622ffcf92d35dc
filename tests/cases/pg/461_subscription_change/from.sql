-- roles: sd_sub_owner
ALTER ROLE sd_sub_owner SUPERUSER; -- PostgreSQL 15: a subscription's owner is a superuser
CREATE SUBSCRIPTION moves CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a, pub_b WITH (connect = false, slot_name = 'slot_a', binary = true, streaming = on, synchronous_commit = 'local');
COMMENT ON SUBSCRIPTION moves IS 'old';
CREATE SUBSCRIPTION flips CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE SUBSCRIPTION two_phased CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a WITH (connect = false, slot_name = NONE, two_phase = on);
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
