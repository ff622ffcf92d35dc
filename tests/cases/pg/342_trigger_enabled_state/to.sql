-- covers: a trigger's enable state: created disabled, dropped while disabled, and changed between enabled, DISABLE, ENABLE REPLICA and ENABLE ALWAYS
CREATE TABLE orders (id integer PRIMARY KEY, total numeric(12,2) NOT NULL DEFAULT 0, touched timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.touched := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER t_enable BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER t_disable BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE orders DISABLE TRIGGER t_disable;
CREATE TRIGGER t_replica BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE orders ENABLE REPLICA TRIGGER t_replica;
CREATE TRIGGER t_new BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE orders DISABLE TRIGGER t_new;
