-- covers: a partitioned table rebuilt because its partition key changes, its rows put back from the temporary table while a generated column and a CHECK on it call functions whose bodies resolve names through search_path (no SET search_path of their own): the rows put back run them with the database's default one; a new table with such a generated column and an index on such an expression (PostgreSQL plans both when it creates them, inlining the SQL function and parsing its body)
CREATE TABLE regions (code text PRIMARY KEY);
CREATE FUNCTION region_ok(r text) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT r IS NOT NULL OR EXISTS (SELECT 1 FROM regions)';
CREATE FUNCTION upper_tag(r text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(r)';
CREATE FUNCTION tag_of(r text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper_tag(r)';
CREATE TABLE sales (id integer NOT NULL, region text NOT NULL, amount integer NOT NULL,
    tag text GENERATED ALWAYS AS (tag_of(region)) STORED,
    CONSTRAINT sales_region CHECK (region_ok(region))) PARTITION BY RANGE (id);
CREATE TABLE sales_all PARTITION OF sales DEFAULT;
CREATE TABLE tags (region text NOT NULL, tag text GENERATED ALWAYS AS (tag_of(region)) STORED);
CREATE INDEX tags_key ON tags (tag_of(region));
