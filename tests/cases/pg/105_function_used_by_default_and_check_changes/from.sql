CREATE FUNCTION default_region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$;
CREATE FUNCTION valid_region(r text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT r IN ('eu', 'us') $$;
CREATE TABLE shop (
    id integer PRIMARY KEY,
    region text NOT NULL DEFAULT default_region() CHECK (valid_region(region))
);
INSERT INTO shop VALUES (1, 'eu'), (2, 'us');
