-- roles: sd_alice, sd_bob
-- covers: a foreign table changed in place: table options set, added and dropped; column options added, set and dropped; a column added with options, a column dropped, a column retyped, a default and NOT NULL set; a CHECK added, one dropped; statistics and storage of a column; owner, privileges and comment changed; the view over it kept
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE FOREIGN TABLE feed (
    id integer OPTIONS (column_name 'Id', "New" 'x') NOT NULL,
    title text DEFAULT 'none' NOT NULL,
    score bigint,
    added date OPTIONS (column_name 'A'),
    CONSTRAINT feed_id_positive CHECK (id > 0),
    CONSTRAINT feed_title_set CHECK (title <> '')
) SERVER archive OPTIONS (path '/data/feed2.csv', format 'csv', delimiter ';');
ALTER FOREIGN TABLE feed ALTER COLUMN title SET STATISTICS 200;
ALTER FOREIGN TABLE feed ALTER COLUMN title SET STORAGE MAIN;
ALTER FOREIGN TABLE feed OWNER TO sd_alice;
COMMENT ON FOREIGN TABLE feed IS 'new comment';
GRANT SELECT, INSERT ON feed TO sd_bob;
CREATE VIEW feed_ids AS SELECT id FROM feed;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
