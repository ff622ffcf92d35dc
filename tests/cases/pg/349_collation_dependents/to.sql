-- covers: collations and what depends on them: changed while a partitioned table's column uses it (converted on the parent, its partitions and partitioned index following), changed while a view and a materialized view name it in an expression (both rebuilt around DROP + CREATE); created for a composite type's attribute and a range type's collation (before both); dropped with the table whose column used it (the table first)
CREATE COLLATION c_part (locale = 'POSIX');
CREATE COLLATION c_view (provider = icu, locale = 'und');
CREATE COLLATION c_attr (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION c_range (provider = libc, locale = 'C');
CREATE TYPE pair AS (a text COLLATE c_attr, b integer);
CREATE TYPE trange AS RANGE (subtype = text, collation = c_range);
CREATE TABLE m (id integer NOT NULL, k text COLLATE c_part) PARTITION BY LIST (id);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
CREATE INDEX m_k ON m (k);
CREATE VIEW v_sorted AS SELECT id, k COLLATE c_view AS kc FROM m;
CREATE MATERIALIZED VIEW mv AS SELECT id, k COLLATE c_view AS kc FROM m;
CREATE TABLE uses (p pair, r trange);
