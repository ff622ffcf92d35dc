-- covers: domain comments: added, removed, changed
CREATE DOMAIN d1 AS text;
COMMENT ON DOMAIN d1 IS 'new';
CREATE DOMAIN d2 AS text;
CREATE DOMAIN d3 AS text;
COMMENT ON DOMAIN d3 IS 'v2';
CREATE TABLE t (v d3);
