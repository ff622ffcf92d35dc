-- covers: tables switched LOGGED -> UNLOGGED and UNLOGGED -> LOGGED, keeping their rows and indexes
CREATE UNLOGGED TABLE t1 (id integer PRIMARY KEY, v text);
CREATE TABLE t2 (id integer PRIMARY KEY, v text);
CREATE INDEX t2_v_idx ON t2 (v);
