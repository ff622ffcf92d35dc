-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE SERVER mirror FOREIGN DATA WRAPPER files;
CREATE FOREIGN TABLE feed (id integer NOT NULL, title text) SERVER archive OPTIONS (path '/a');
COMMENT ON FOREIGN TABLE feed IS 'moves';
GRANT SELECT ON feed TO sd_bob;
CREATE VIEW feed_ids AS SELECT id FROM feed;
CREATE TABLE local_log (id integer PRIMARY KEY, line text);
INSERT INTO local_log VALUES (1, 'goes to the server');
CREATE FOREIGN TABLE remote_log (id integer, line text) SERVER archive;
CREATE VIEW remote_lines AS SELECT line FROM remote_log;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
