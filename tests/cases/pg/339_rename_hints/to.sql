-- covers: rename hints on PostgreSQL (see args): schema, table, column, constraint and index renamed (ALTER SCHEMA / TABLE / INDEX ... RENAME, RENAME COLUMN, RENAME CONSTRAINT) with rows kept; the renamed column also changes type and comment (altered as usual), the check and expression index that spell it are rebuilt, the FK of another table, the view and the sequence OWNED BY follow
CREATE SCHEMA sales;
CREATE TABLE sales.client (
  id integer PRIMARY KEY,
  name varchar(200) NOT NULL,
  email text,
  CONSTRAINT client_email_key UNIQUE (email),
  CONSTRAINT customer_name_check CHECK (name::text <> '')
);
CREATE INDEX client_name_idx ON sales.client (lower(name));
CREATE TABLE sales.orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES sales.client (id),
  total numeric(10,2) NOT NULL
);
CREATE SEQUENCE sales.note_seq OWNED BY sales.client.name;
CREATE VIEW sales.customer_names AS SELECT id, name FROM sales.client;
COMMENT ON COLUMN sales.client.name IS 'as spoken';
