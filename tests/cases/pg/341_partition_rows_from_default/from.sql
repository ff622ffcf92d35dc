CREATE TABLE regions (code text PRIMARY KEY);
CREATE TABLE sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    region text REFERENCES regions (code),
    PRIMARY KEY (id, sold_on)
) PARTITION BY RANGE (sold_on);
CREATE TABLE sales_2023 PARTITION OF sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE sales_other PARTITION OF sales DEFAULT;
CREATE INDEX sales_region_idx ON sales (region);
CREATE UNIQUE INDEX sales_other_id_key ON sales_other (id);
ALTER TABLE sales_other ADD CONSTRAINT sales_other_amount_small CHECK (amount < 1000);
-- Multi-column range key; the default holds rows for the new partition, NULL keys too.
CREATE TABLE readings (
    station integer,
    at integer,
    v text
) PARTITION BY RANGE (station, at);
CREATE TABLE readings_1 PARTITION OF readings FOR VALUES FROM (1, MINVALUE) TO (2, MINVALUE);
CREATE TABLE readings_rest PARTITION OF readings DEFAULT;
-- LIST with a DEFAULT partition: new list values (one of them NULL) whose rows sit there.
CREATE TABLE tickets (id integer NOT NULL, status text, note text) PARTITION BY LIST (status);
CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open');
CREATE TABLE tickets_misc PARTITION OF tickets DEFAULT;
INSERT INTO regions VALUES ('north'), ('south');
INSERT INTO sales VALUES
  (1, '2023-03-01', 10.00, 'north'),
  (2, '2024-02-29', 20.00, 'south'),
  (3, '2024-12-31', 30.00, NULL),
  (4, '2025-01-01', 40.00, 'north'),
  (5, '2022-06-30', 50.00, 'south');
INSERT INTO readings VALUES (1, 5, 'a'), (2, 1, 'b'), (2, 99, 'c'), (3, 0, 'd'), (NULL, 1, 'e'), (2, NULL, 'f');
INSERT INTO tickets VALUES (1, 'open', 'x'), (2, 'closed', 'y'), (3, 'it''s done', 'z'), (4, NULL, 'w'), (5, 'other', 'v');
