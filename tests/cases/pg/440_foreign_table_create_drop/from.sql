-- roles: sd_alice, sd_bob
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE FOREIGN TABLE old_feed (id integer OPTIONS (column_name 'ID') NOT NULL, body text) SERVER archive OPTIONS (path '/old');
COMMENT ON FOREIGN TABLE old_feed IS 'goes';
GRANT SELECT ON old_feed TO sd_bob;
CREATE VIEW old_feed_ids AS SELECT id FROM old_feed;
CREATE TABLE events (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE base (id integer);
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
