-- covers: CLUSTER ON: moved to another index of the same table, removed (SET WITHOUT CLUSTER), added to a kept index, a clustered index dropped and a new clustered one on the same table, a new table with a clustered index, a matview index clustered
CREATE TABLE a (id integer PRIMARY KEY, x integer, y integer);
CREATE INDEX a_x ON a (x);
CREATE INDEX a_y ON a (y);
ALTER TABLE a CLUSTER ON a_y;
CREATE TABLE b (id integer PRIMARY KEY, x integer);
CREATE INDEX b_x ON b (x);
CREATE TABLE c (id integer PRIMARY KEY, x integer);
CREATE INDEX c_x ON c (x);
ALTER TABLE c CLUSTER ON c_x;
CREATE TABLE d (id integer PRIMARY KEY, x integer, y integer);
CREATE INDEX d_new ON d (y);
ALTER TABLE d CLUSTER ON d_new;
CREATE TABLE e (id integer PRIMARY KEY, x integer);
CREATE INDEX e_x ON e (x);
ALTER TABLE e CLUSTER ON e_x;
CREATE MATERIALIZED VIEW mv AS SELECT id, x FROM a;
CREATE INDEX mv_x ON mv (x);
ALTER MATERIALIZED VIEW mv CLUSTER ON mv_x;
