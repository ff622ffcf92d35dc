-- covers: a plain table with rows becomes a partition (ATTACH); a partition with rows becomes a plain table (DETACH)
CREATE TABLE metric (id integer NOT NULL, day date NOT NULL, v integer) PARTITION BY RANGE (day);
CREATE TABLE metric_2023 PARTITION OF metric FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE metric_2024 PARTITION OF metric FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE metric_2022 (id integer NOT NULL, day date NOT NULL, v integer);
