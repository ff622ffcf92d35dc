CREATE FUNCTION gen_code() RETURNS varchar(40) LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION twice(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT v * 2 $$;
CREATE TABLE ev (id integer NOT NULL, region text NOT NULL, code text DEFAULT gen_code(), amount integer, doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED, CHECK (twice(amount) >= 0)) PARTITION BY LIST (region);
CREATE TABLE ev_eu PARTITION OF ev FOR VALUES IN ('eu');
CREATE TABLE ev_us PARTITION OF ev FOR VALUES IN ('us');
CREATE TABLE base (id integer, amount integer, doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED, code text DEFAULT gen_code());
CREATE TABLE child (extra text) INHERITS (base);
INSERT INTO ev (id, region, amount) VALUES (1, 'eu', 1), (2, 'us', 2);
INSERT INTO child (id, amount, extra) VALUES (1, 3, 'x');
