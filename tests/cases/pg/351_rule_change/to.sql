-- covers: rule definitions changed (another action and an INSTEAD rule on a view becoming several actions: DROP RULE + CREATE RULE), enable state changed in place (enabled to DISABLE, DISABLE to ENABLE ALWAYS, REPLICA to enabled, ALWAYS to REPLICA), comments added, changed and removed in place
CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2));
CREATE TABLE item_log (id integer, note text);
CREATE VIEW item_view AS SELECT id, name FROM item;
CREATE RULE item_view_ins AS ON INSERT TO item_view DO INSTEAD (
  INSERT INTO item (id, name, price) VALUES (new.id, upper(new.name), 0);
  INSERT INTO item_log VALUES (new.id, 'via view');
);
COMMENT ON RULE item_view_ins ON item_view IS 'v2';
CREATE RULE item_del AS ON DELETE TO item DO ALSO INSERT INTO item_log VALUES (old.id, 'deleted ' || old.name);
ALTER TABLE item DISABLE RULE item_del;
CREATE RULE item_upd AS ON UPDATE TO item DO ALSO INSERT INTO item_log VALUES (new.id, 'upd');
ALTER TABLE item ENABLE ALWAYS RULE item_upd;
CREATE RULE item_ins AS ON INSERT TO item DO ALSO INSERT INTO item_log VALUES (new.id, 'new');
COMMENT ON RULE item_ins ON item IS 'logs inserts';
CREATE RULE log_guard AS ON DELETE TO item_log DO INSTEAD NOTHING;
ALTER TABLE item_log ENABLE REPLICA RULE log_guard;
