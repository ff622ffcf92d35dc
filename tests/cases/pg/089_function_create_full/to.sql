-- roles: sd_alice, sd_bob
-- covers: new plpgsql function with defaulted argument, owner, revoked/granted EXECUTE and comment; new SQL function (string body), new BEGIN ATOMIC function, new procedure with owner, grant and comment
CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2) NOT NULL, placed date NOT NULL);

CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN round(amount * (1 + rate), 2);
END
$$;
ALTER FUNCTION add_tax(numeric, numeric) OWNER TO sd_alice;
REVOKE EXECUTE ON FUNCTION add_tax(numeric, numeric) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_tax(numeric, numeric) TO sd_bob;
COMMENT ON FUNCTION add_tax(numeric, numeric) IS 'gross price';
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM orders $$;
CREATE FUNCTION order_total(p_id integer) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(amount) FROM orders WHERE id = p_id;
END;
CREATE PROCEDURE archive_orders(p_before date) LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM orders WHERE placed < p_before;
END
$$;
ALTER PROCEDURE archive_orders(date) OWNER TO sd_alice;
REVOKE EXECUTE ON PROCEDURE archive_orders(date) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE archive_orders(date) TO sd_bob;
COMMENT ON PROCEDURE archive_orders(date) IS 'removes old orders';
