-- covers: functions used by a column DEFAULT and a CHECK change their bodies while those dependents stay
CREATE FUNCTION default_region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'us' $$;
CREATE FUNCTION valid_region(r text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT r IN ('eu', 'us', 'apac') $$;
CREATE TABLE shop (
    id integer PRIMARY KEY,
    region text NOT NULL DEFAULT default_region() CHECK (valid_region(region))
);
