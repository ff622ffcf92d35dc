CREATE TABLE events (id integer, at date, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO events VALUES (1, '2024-05-01', 'a');
CREATE TABLE other (id integer PRIMARY KEY);
CREATE PUBLICATION p_events FOR TABLE events (id, at) WHERE (kind IS NOT NULL), other WITH (publish_via_partition_root = true);
