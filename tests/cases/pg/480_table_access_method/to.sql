-- covers: table access methods (CREATE TABLE ... USING, as pg_dump's SET default_table_access_method): a kept table moved to another method and one back to heap (ALTER TABLE ... SET ACCESS METHOD, rows kept), one kept on its method, one dropped; created with a method whose name needs quoting (after CREATE ACCESS METHOD) and a new partition with one; a partition's method changed; materialized views moved to a method and back to heap (ALTER MATERIALIZED VIEW ... SET ACCESS METHOD) one created with a method and one with a method dropped
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE ACCESS METHOD "Heap 3" TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE kept_heap (id integer PRIMARY KEY, v text) USING heap2;
CREATE TABLE moved_back (id integer PRIMARY KEY, v text);
CREATE TABLE stays (id integer PRIMARY KEY) USING heap2;
CREATE TABLE fresh (id integer) USING "Heap 3";
CREATE TABLE parted (id integer, k integer) PARTITION BY RANGE (k);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (10) TO (20) USING "Heap 3";
CREATE MATERIALIZED VIEW mv USING heap2 AS SELECT id FROM kept_heap;
CREATE MATERIALIZED VIEW mv_back AS SELECT v FROM moved_back;
CREATE MATERIALIZED VIEW mv_new USING "Heap 3" AS SELECT 1 AS one;
