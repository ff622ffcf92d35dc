-- covers: empty schema A (no objects, no rows) to a schema with schema, enum, table, index, view and function: create everything
CREATE SCHEMA shop;
CREATE TYPE shop.size AS ENUM ('s', 'm', 'l');
CREATE TABLE shop.shirt (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    size shop.size NOT NULL,
    color text COLLATE "C" NOT NULL DEFAULT 'white',
    price numeric(8,2) CHECK (price > 0)
);
CREATE INDEX shirt_color_idx ON shop.shirt (color) WHERE size <> 's';
CREATE FUNCTION shop.shirt_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM shop.shirt; END;
CREATE VIEW shop.large_shirts AS SELECT id, color FROM shop.shirt WHERE size = 'l';
