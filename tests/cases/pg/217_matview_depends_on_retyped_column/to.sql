-- covers: a materialized view reads a column whose type changes (integer -> bigint); it must be dropped and recreated
CREATE TABLE hit (id integer PRIMARY KEY, n bigint NOT NULL);
CREATE MATERIALIZED VIEW hit_total AS SELECT sum(n) AS total, max(n) AS top FROM hit;
