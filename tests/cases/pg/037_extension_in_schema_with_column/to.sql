-- covers: extension created in its own schema (hstore in ext) and a new column of its type
CREATE SCHEMA ext;
CREATE EXTENSION hstore WITH SCHEMA ext VERSION '1.8';
CREATE EXTENSION "uuid-ossp";
CREATE TABLE product (
    id integer PRIMARY KEY,
    name text NOT NULL,
    attrs ext.hstore,
    ref uuid NOT NULL DEFAULT uuid_generate_v4()
);
