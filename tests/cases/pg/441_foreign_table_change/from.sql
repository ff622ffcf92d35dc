-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE FOREIGN TABLE feed (
    id integer OPTIONS (column_name 'ID') NOT NULL,
    title text OPTIONS (column_name 'T', width '10'),
    gone text OPTIONS (column_name 'G'),
    score integer CHECK (score > 0),
    CONSTRAINT feed_id_positive CHECK (id > 0)
) SERVER archive OPTIONS (path '/data/feed.csv', format 'csv', header 'true');
COMMENT ON FOREIGN TABLE feed IS 'old comment';
GRANT SELECT ON feed TO sd_bob;
CREATE VIEW feed_ids AS SELECT id FROM feed;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
