-- covers: a partitioned parent with an UNLOGGED partition, and RLS on one partition; existing partition with rows becomes UNLOGGED
CREATE TABLE ticks (id bigint NOT NULL, at date NOT NULL, v integer) PARTITION BY RANGE (at);
CREATE UNLOGGED TABLE ticks_2024 PARTITION OF ticks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE UNLOGGED TABLE ticks_2025 PARTITION OF ticks FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE ticks_2025 ENABLE ROW LEVEL SECURITY;
