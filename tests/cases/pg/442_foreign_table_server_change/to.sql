-- roles: sd_alice, sd_bob
-- covers: a foreign table whose server changes, dropped and created with its privileges, comment and the view over it; a table made a foreign table (destructive: its rows go); a foreign table made a table
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE SERVER mirror FOREIGN DATA WRAPPER files;
CREATE FOREIGN TABLE feed (id integer NOT NULL, title text) SERVER mirror OPTIONS (path '/a');
COMMENT ON FOREIGN TABLE feed IS 'moves';
GRANT SELECT ON feed TO sd_bob;
CREATE VIEW feed_ids AS SELECT id FROM feed;
CREATE FOREIGN TABLE local_log (id integer, line text) SERVER mirror;
CREATE TABLE remote_log (id integer PRIMARY KEY, line text);
CREATE VIEW remote_lines AS SELECT line FROM remote_log;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
