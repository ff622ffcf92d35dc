-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER old_wrapper;
CREATE SERVER old_server TYPE 'legacy' VERSION '1' FOREIGN DATA WRAPPER old_wrapper OPTIONS (host 'old.example');
COMMENT ON SERVER old_server IS 'goes';
GRANT USAGE ON FOREIGN SERVER old_server TO sd_bob;
CREATE FOREIGN DATA WRAPPER kept_wrapper;
CREATE SERVER kept_server FOREIGN DATA WRAPPER kept_wrapper;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
