CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION is_code(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(t) = 32 $$;
CREATE FUNCTION upcase() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.code := upper(NEW.code); RETURN NEW; END $$;
CREATE TABLE voucher (id integer PRIMARY KEY, code text NOT NULL DEFAULT gen_code() CONSTRAINT voucher_code_ok CHECK (is_code(code)));
CREATE TRIGGER voucher_upcase BEFORE INSERT ON voucher FOR EACH ROW EXECUTE FUNCTION upcase();
INSERT INTO voucher (id) VALUES (1), (2);
