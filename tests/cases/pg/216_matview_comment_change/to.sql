-- covers: materialized view comments: added, removed, changed
CREATE TABLE sale (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
CREATE MATERIALIZED VIEW mv1 AS SELECT id FROM sale;
COMMENT ON MATERIALIZED VIEW mv1 IS 'new';
CREATE MATERIALIZED VIEW mv2 AS SELECT id FROM sale;
CREATE MATERIALIZED VIEW mv3 AS SELECT id FROM sale;
COMMENT ON MATERIALIZED VIEW mv3 IS 'v2';
