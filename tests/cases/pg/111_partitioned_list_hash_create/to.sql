-- covers: new LIST-partitioned (multi-value lists, DEFAULT) and HASH-partitioned (modulus 3) tables, and a multi-column RANGE key
CREATE TABLE kept (id integer PRIMARY KEY);
CREATE TABLE customer (id integer NOT NULL, country text NOT NULL, name text) PARTITION BY LIST (country);
CREATE TABLE customer_eu PARTITION OF customer FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE customer_us PARTITION OF customer FOR VALUES IN ('us');
CREATE TABLE customer_rest PARTITION OF customer DEFAULT;
CREATE TABLE event (id bigint NOT NULL, payload text) PARTITION BY HASH (id);
CREATE TABLE event_p0 PARTITION OF event FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE event_p1 PARTITION OF event FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE event_p2 PARTITION OF event FOR VALUES WITH (MODULUS 3, REMAINDER 2);
CREATE TABLE reading (sensor integer NOT NULL, ts timestamp NOT NULL, v double precision) PARTITION BY RANGE (sensor, ts);
CREATE TABLE reading_a PARTITION OF reading FOR VALUES FROM (0, MINVALUE) TO (100, MAXVALUE);
