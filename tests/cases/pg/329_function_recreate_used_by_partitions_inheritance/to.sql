-- covers: functions whose result type changes while a partitioned table (default, generated column, CHECK), its partitions and an inheritance parent and child call them: generated columns go and come back with the parent's, defaults set again on each table, rows kept
CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION twice(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT v::bigint * 2 $$;
CREATE TABLE ev (id integer NOT NULL, region text NOT NULL, code text DEFAULT gen_code(), amount integer, doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED, CHECK (twice(amount) >= 0)) PARTITION BY LIST (region);
CREATE TABLE ev_eu PARTITION OF ev FOR VALUES IN ('eu');
CREATE TABLE ev_us PARTITION OF ev FOR VALUES IN ('us');
CREATE TABLE base (id integer, amount integer, doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED, code text DEFAULT gen_code());
CREATE TABLE child (extra text) INHERITS (base);
