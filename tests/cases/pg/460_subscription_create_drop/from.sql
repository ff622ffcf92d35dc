CREATE SUBSCRIPTION old_sub CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a WITH (connect = false, slot_name = 'old_slot', binary = true, streaming = on, two_phase = on, disable_on_error = true, synchronous_commit = 'local');
COMMENT ON SUBSCRIPTION old_sub IS 'goes';
CREATE SUBSCRIPTION plain_old CONNECTION '' PUBLICATION pub_b WITH (connect = false, slot_name = NONE);
CREATE SUBSCRIPTION kept_sub CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
