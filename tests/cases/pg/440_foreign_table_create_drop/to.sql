-- roles: sd_alice, sd_bob
-- covers: foreign tables created: columns with options, NOT NULL, a default, a collation, CHECK constraints (one NOT VALID), table options, an owner, privileges (a column's too), comments on the table and a column, a trigger, a view over it; a foreign partition of a kept partitioned table; a foreign table inheriting a kept table; a foreign table dropped (options, a column's options, privileges, comment) with the view over it
CREATE FOREIGN DATA WRAPPER files;
CREATE SERVER archive FOREIGN DATA WRAPPER files;
CREATE SERVER "Remote Files" FOREIGN DATA WRAPPER files;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE FOREIGN TABLE "Feed" (
    id integer OPTIONS (column_name 'ID', "Odd" 'it''s') NOT NULL,
    title text COLLATE "C" DEFAULT 'untitled',
    score numeric(6,2) CHECK (score >= 0),
    CONSTRAINT feed_id_positive CHECK (id > 0)
) SERVER "Remote Files" OPTIONS (path '/data/feed.csv', format 'csv');
ALTER FOREIGN TABLE "Feed" ADD CONSTRAINT feed_title_short CHECK (length(title) < 200) NOT VALID;
ALTER FOREIGN TABLE "Feed" OWNER TO sd_alice;
GRANT SELECT ON "Feed" TO sd_bob;
GRANT UPDATE (title) ON "Feed" TO sd_bob;
COMMENT ON FOREIGN TABLE "Feed" IS 'the remote feed';
COMMENT ON COLUMN "Feed".title IS 'its title';
CREATE TRIGGER feed_touch BEFORE INSERT ON "Feed" FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW feed_titles AS SELECT id, title FROM "Feed";
CREATE TABLE events (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE FOREIGN TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') SERVER archive OPTIONS (path '/2020');
CREATE TABLE base (id integer);
CREATE FOREIGN TABLE base_remote (extra text) INHERITS (base) SERVER archive;
CREATE TABLE note (id integer PRIMARY KEY, body text);
INSERT INTO note VALUES (1, 'kept');
