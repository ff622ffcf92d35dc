CREATE TYPE shipping AS ENUM ('ground', 'air', 'sea');
CREATE TABLE shipment (id integer PRIMARY KEY, method shipping NOT NULL DEFAULT 'ground');
CREATE INDEX shipment_method_idx ON shipment (method);
INSERT INTO shipment VALUES (1, 'ground'), (2, 'sea'), (3, 'ground');
