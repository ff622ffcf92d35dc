-- covers: new RANGE and LIST partitions while the DEFAULT partition holds rows in their range (created standalone, the rows moved out of the default, attached): a date range (the default has a unique index and a CHECK of its own, the parent a PK, an index, a CHECK, a default and a FK), a multi-column range with MINVALUE / MAXVALUE bounds (NULL keys stay in the default), LIST values with a quote and NULL
CREATE TABLE regions (code text PRIMARY KEY);
CREATE TABLE sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    region text REFERENCES regions (code),
    PRIMARY KEY (id, sold_on)
) PARTITION BY RANGE (sold_on);
CREATE TABLE sales_2023 PARTITION OF sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE sales_2024 PARTITION OF sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
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
CREATE TABLE readings_2 PARTITION OF readings FOR VALUES FROM (2, MINVALUE) TO (2, MAXVALUE);
CREATE TABLE readings_rest PARTITION OF readings DEFAULT;
-- LIST with a DEFAULT partition: new list values (one of them NULL) whose rows sit there.
CREATE TABLE tickets (id integer NOT NULL, status text, note text) PARTITION BY LIST (status);
CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open');
CREATE TABLE tickets_done PARTITION OF tickets FOR VALUES IN ('closed', 'it''s done', NULL);
CREATE TABLE tickets_misc PARTITION OF tickets DEFAULT;
