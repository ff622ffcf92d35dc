-- roles: sd_sub_owner
-- covers: subscriptions changed in place: owner changed, publications replaced (SET PUBLICATION without a refresh), a slot renamed and one set, binary and streaming turned off and on, disable_on_error set, synchronous_commit changed and reset, comment changed and added; two_phase turned off (no ALTER: dropped and created)
CREATE SUBSCRIPTION moves CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_c WITH (connect = false, slot_name = 'slot_b', disable_on_error = true);
COMMENT ON SUBSCRIPTION moves IS 'new';
CREATE SUBSCRIPTION flips CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a, "Pub Z" WITH (connect = false, slot_name = 'flip_slot', binary = true, streaming = on, synchronous_commit = 'remote_apply');
COMMENT ON SUBSCRIPTION flips IS 'added';
ALTER ROLE sd_sub_owner SUPERUSER;
ALTER SUBSCRIPTION flips OWNER TO sd_sub_owner;
CREATE SUBSCRIPTION two_phased CONNECTION '' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
