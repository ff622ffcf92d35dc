CREATE SCHEMA crm;
CREATE TABLE crm.customer (
  id integer PRIMARY KEY,
  full_name text NOT NULL,
  email text,
  CONSTRAINT customer_email_key UNIQUE (email),
  CONSTRAINT customer_name_check CHECK (full_name <> '')
);
CREATE INDEX customer_name_idx ON crm.customer (lower(full_name));
CREATE TABLE crm.orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES crm.customer (id),
  total numeric(10,2) NOT NULL
);
CREATE SEQUENCE crm.note_seq OWNED BY crm.customer.full_name;
CREATE VIEW crm.customer_names AS SELECT id, full_name FROM crm.customer;
COMMENT ON COLUMN crm.customer.full_name IS 'as written';
INSERT INTO crm.customer (id, full_name, email) VALUES (1, 'Ann', 'ann@example.org'), (2, 'Bob', NULL);
INSERT INTO crm.orders VALUES (10, 1, 9.50), (11, 2, 12.00), (12, NULL, 1.00);
CREATE TYPE crm.level AS ENUM ('low', 'high');
CREATE DOMAIN crm.score AS integer CHECK (VALUE >= 0);
CREATE TABLE crm.events (id integer NOT NULL, at date NOT NULL, lvl crm.level, pts crm.score) PARTITION BY RANGE (at);
CREATE TABLE crm.events_2024 PARTITION OF crm.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION crm.weight(l crm.level) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';
INSERT INTO crm.events VALUES (1, '2024-03-01', 'high', 5), (2, '2024-04-01', NULL, 0);
