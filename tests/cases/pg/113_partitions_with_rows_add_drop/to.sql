-- covers: existing RANGE-partitioned table with rows in its partitions: a new partition and a DEFAULT partition are added, the oldest (empty) partition is dropped
CREATE TABLE sales (id integer NOT NULL, sold_on date NOT NULL, amount numeric(10,2) NOT NULL) PARTITION BY RANGE (sold_on);
CREATE TABLE sales_2023 PARTITION OF sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE sales_2024 PARTITION OF sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE sales_2025 PARTITION OF sales FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE sales_other PARTITION OF sales DEFAULT;
