-- covers: partitioned table with rows gains a primary key (including the partition key), an index and a new partition; the index cascades to partitions
CREATE TABLE visit (id bigint NOT NULL, at date NOT NULL, path text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX visit_path_idx ON visit (path);
CREATE TABLE visit_2024 PARTITION OF visit FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE visit_2025 PARTITION OF visit FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
