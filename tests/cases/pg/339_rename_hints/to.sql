-- covers: rename hints on PostgreSQL (see args): schema, table, column, constraint and index renamed (ALTER SCHEMA / TABLE / INDEX ... RENAME, RENAME COLUMN, RENAME CONSTRAINT) with rows kept; the renamed column also changes type and comment (altered as usual), the check and expression index that spell it are rebuilt, the FK of another table, the view and the sequence OWNED BY follow; in the renamed schema an enum, a domain and a function taking the enum (its identity names the schema) are kept, and a partitioned table with a partition and rows is renamed
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
CREATE TYPE sales.level AS ENUM ('low', 'high');
CREATE DOMAIN sales.score AS integer CHECK (VALUE >= 0);
CREATE TABLE sales.event_log (id integer NOT NULL, at date NOT NULL, lvl sales.level, pts sales.score) PARTITION BY RANGE (at);
CREATE TABLE sales.events_2024 PARTITION OF sales.event_log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION sales.weight(l sales.level) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';
