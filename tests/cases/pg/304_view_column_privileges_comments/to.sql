-- roles: sd_vc_reader, sd_vc_writer
-- covers: view and matview column comments and column privileges: changed, added, removed on kept views; new (matview) views with them and dropped ones; a view rebuilt around a retyped column gets its column comment and grant back; a quoted column name
CREATE TABLE t (id integer PRIMARY KEY, name text, price numeric(10,2));
CREATE VIEW v AS SELECT id, name FROM t;
COMMENT ON COLUMN v.name IS 'new name comment';
GRANT SELECT (id) ON v TO sd_vc_reader;
GRANT SELECT (name) ON v TO sd_vc_reader WITH GRANT OPTION;
GRANT UPDATE (name) ON v TO sd_vc_writer;
GRANT INSERT (name) ON v TO sd_vc_writer;
CREATE VIEW retyped_v AS SELECT id, price FROM t;
COMMENT ON COLUMN retyped_v.price IS 'kept across the rebuild';
GRANT SELECT (price) ON retyped_v TO sd_vc_reader;
CREATE VIEW new_v AS SELECT id, name, price AS "Unit: Price" FROM t;
COMMENT ON COLUMN new_v.name IS 'new view column';
COMMENT ON COLUMN new_v."Unit: Price" IS 'quoted column';
GRANT SELECT (id, "Unit: Price") ON new_v TO sd_vc_writer;
CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM t;
COMMENT ON COLUMN mv.id IS 'mv id';
GRANT SELECT (id) ON mv TO sd_vc_writer;
CREATE MATERIALIZED VIEW new_mv AS SELECT id FROM t;
COMMENT ON COLUMN new_mv.id IS 'new mv id';
GRANT SELECT (id) ON new_mv TO sd_vc_reader;
