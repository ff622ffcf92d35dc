CREATE FUNCTION gen_code() RETURNS varchar(40) LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION is_code(t text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) $$;
CREATE FUNCTION twice(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT v * 2 $$;
CREATE TABLE voucher (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT gen_code(),
    amount integer NOT NULL,
    doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED,
    CONSTRAINT voucher_code_ok CHECK (is_code(code) = 32)
);
INSERT INTO voucher (id, amount) VALUES (1, 10), (2, 20);
