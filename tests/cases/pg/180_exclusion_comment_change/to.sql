-- covers: exclusion constraint comments: added, removed, changed
CREATE EXTENSION btree_gist;
CREATE TABLE r (a integer, s int4range,
    CONSTRAINT r_x1 EXCLUDE USING gist (a WITH =, s WITH &&),
    CONSTRAINT r_x2 EXCLUDE USING gist (s WITH &&),
    CONSTRAINT r_x3 EXCLUDE USING gist (a WITH <>));
COMMENT ON CONSTRAINT r_x1 ON r IS 'new';
COMMENT ON CONSTRAINT r_x3 ON r IS 'v2';
