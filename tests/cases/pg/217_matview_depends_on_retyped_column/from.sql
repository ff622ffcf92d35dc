CREATE TABLE hit (id integer PRIMARY KEY, n integer NOT NULL);
CREATE MATERIALIZED VIEW hit_total AS SELECT sum(n) AS total, max(n) AS top FROM hit;
INSERT INTO hit VALUES (1, 5), (2, 7);
