-- covers: columns added to tables with rows whose DEFAULT or generation calls a function whose body resolves unqualified names through search_path (no SET search_path of its own): a STABLE default counting an unqualified table, a volatile default calling nextval('unqualified sequence'), a STORED generated column through an IMMUTABLE function calling another unqualified user function (plpgsql), a function created by the migration and used at once; a function with its own SET search_path and a SQL-standard body (BEGIN ATOMIC) used the same way, which need nothing
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE settings (k text PRIMARY KEY, v text NOT NULL);
CREATE SEQUENCE order_no;
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM users';
CREATE FUNCTION next_order_no() RETURNS bigint LANGUAGE sql AS $$SELECT nextval('order_no')$$;
CREATE FUNCTION norm(x text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(btrim(x))';
CREATE FUNCTION code_key(x text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$BEGIN RETURN norm(x) || '#'; END$$;
CREATE FUNCTION setting_count() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT count(*) FROM settings';
CREATE FUNCTION user_count_pinned() RETURNS bigint LANGUAGE sql STABLE SET search_path = public, pg_temp AS 'SELECT count(*) FROM users';
CREATE FUNCTION user_count_atomic() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM public.users; END;
CREATE TABLE orders (
    id integer PRIMARY KEY,
    code text,
    users_then bigint DEFAULT user_count(),
    order_no bigint NOT NULL DEFAULT next_order_no(),
    code_key text GENERATED ALWAYS AS (code_key(code)) STORED,
    settings_then bigint DEFAULT setting_count(),
    pinned bigint DEFAULT user_count_pinned(),
    atomic bigint DEFAULT user_count_atomic()
);
