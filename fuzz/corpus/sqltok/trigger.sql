CREATE TRIGGER trg AFTER UPDATE OF name ON users FOR EACH ROW WHEN NEW.name <> OLD.name BEGIN INSERT INTO audit(id, msg) VALUES (NEW.id, 'renamed'); UPDATE x SET n = n + 1; END;
