-- covers: a publication whose partitioned table is rebuilt (its partition key changes: dropped and created) is dropped before and created again after it, with its column list and row filter
CREATE TABLE events (id integer, at date, kind text) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
INSERT INTO events VALUES (1, '2024-05-01', 'a');
CREATE TABLE other (id integer PRIMARY KEY);
CREATE PUBLICATION p_events FOR TABLE events (id, at) WHERE (kind IS NOT NULL), other WITH (publish_via_partition_root = true);
