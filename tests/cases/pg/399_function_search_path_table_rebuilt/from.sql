CREATE TABLE regions (code text PRIMARY KEY);
INSERT INTO regions VALUES ('eu'), ('us');
CREATE FUNCTION region_ok(r text) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT r IS NOT NULL OR EXISTS (SELECT 1 FROM regions)';
CREATE FUNCTION upper_tag(r text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(r)';
CREATE FUNCTION tag_of(r text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper_tag(r)';
CREATE TABLE sales (id integer NOT NULL, region text NOT NULL, amount integer NOT NULL,
    tag text GENERATED ALWAYS AS (tag_of(region)) STORED,
    CONSTRAINT sales_region CHECK (region_ok(region))) PARTITION BY LIST (region);
CREATE TABLE sales_all PARTITION OF sales DEFAULT;
INSERT INTO sales (id, region, amount) VALUES (1, 'eu', 10), (2, 'us', 20);
