-- covers: subscriptions (database-wide) created disabled and not connected, as pg_dump restores them: with every option (slot name, binary, streaming, two_phase, disable_on_error, synchronous_commit), two publications and a comment, and with none; dropped: one with a replication slot (let go of first, so that DROP does not connect), one without; their connection strings are not compared (the pair's new ones have none)
CREATE SUBSCRIPTION "Full Sub" CONNECTION '' PUBLICATION pub_a, "Pub B" WITH (connect = false, slot_name = 'full_slot', binary = true, streaming = on, two_phase = on, disable_on_error = true, synchronous_commit = 'local');
COMMENT ON SUBSCRIPTION "Full Sub" IS 'every option';
CREATE SUBSCRIPTION bare_sub CONNECTION '' PUBLICATION pub_c WITH (connect = false, slot_name = NONE);
CREATE SUBSCRIPTION kept_sub CONNECTION 'dbname=sd_nowhere' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
