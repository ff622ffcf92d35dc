-- covers: create table (STRICT) with named PK, named UNIQUE, named CHECK using a function, named FK with ON DELETE CASCADE / ON UPDATE SET NULL / MATCH FULL / DEFERRABLE INITIALLY DEFERRED, NOT NULL, defaults with quotes, COLLATE NOCASE, generated STORED and VIRTUAL columns, plus indexes on the new table
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE invoices (
  number TEXT NOT NULL COLLATE NOCASE,
  customer_id INTEGER,
  status TEXT NOT NULL DEFAULT 'it''s "new"',
  net REAL NOT NULL DEFAULT 0.0,
  gross REAL GENERATED ALWAYS AS (net * 1.2) STORED,
  label TEXT GENERATED ALWAYS AS (upper(number)) VIRTUAL,
  CONSTRAINT pk_invoices PRIMARY KEY (number),
  CONSTRAINT uq_invoices_customer_number UNIQUE (customer_id, number),
  CONSTRAINT ck_invoices_number CHECK (length(number) BETWEEN 3 AND 20),
  CONSTRAINT fk_invoices_customer FOREIGN KEY (customer_id) REFERENCES customers(id)
    ON DELETE CASCADE ON UPDATE SET NULL MATCH FULL DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX invoices_status_idx ON invoices(status COLLATE BINARY DESC) WHERE status <> 'void';
CREATE UNIQUE INDEX invoices_label_uidx ON invoices(lower(number));
