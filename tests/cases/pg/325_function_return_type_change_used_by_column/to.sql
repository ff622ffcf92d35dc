-- covers: functions whose return type changes (drop + create) while a column DEFAULT, a CHECK and a generated column call them: those are dropped first and restored after, rows kept
CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION is_code(t text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT length(t)::bigint $$;
CREATE FUNCTION twice(v integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT v::bigint * 2 $$;
CREATE TABLE voucher (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT gen_code(),
    amount integer NOT NULL,
    doubled bigint GENERATED ALWAYS AS (twice(amount)) STORED,
    CONSTRAINT voucher_code_ok CHECK (is_code(code) = 32)
);
