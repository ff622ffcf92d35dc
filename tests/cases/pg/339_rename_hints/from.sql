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
