-- covers: domain defaults: added, removed, changed; a column uses the changed one
CREATE DOMAIN d1 AS integer DEFAULT 42;
CREATE DOMAIN d2 AS text;
CREATE DOMAIN d3 AS timestamptz DEFAULT clock_timestamp();
CREATE TABLE t (id integer PRIMARY KEY, at d3);
