CREATE TABLE visit (id bigint NOT NULL, at date NOT NULL, path text) PARTITION BY RANGE (at);
CREATE TABLE visit_2024 PARTITION OF visit FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO visit VALUES (1, '2024-01-02', '/'), (2, '2024-06-01', '/about');
