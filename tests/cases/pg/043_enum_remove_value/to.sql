-- covers: enum value removed that no row uses (type must be rebuilt), column with rows, a default and an index keep working
CREATE TYPE shipping AS ENUM ('ground', 'sea');
CREATE TABLE shipment (id integer PRIMARY KEY, method shipping NOT NULL DEFAULT 'ground');
CREATE INDEX shipment_method_idx ON shipment (method);
