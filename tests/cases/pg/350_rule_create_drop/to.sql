-- covers: rules (CREATE RULE) created after the tables and functions their actions use, in a schema whose name needs quoting: an INSTEAD rule on a view (updatable view: INSERT, UPDATE with several SET items, DELETE with several actions), an ALSO rule on a table writing an audit table, a conditional rule, created disabled / replica / always and with a comment; dropped (disabled, with a comment, before the table and function it uses; an INSTEAD NOTHING rule)
CREATE SCHEMA "Rule Space";
CREATE TABLE "Rule Space".account (id integer PRIMARY KEY, owner text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0);
CREATE TABLE "Rule Space".audit (id integer, what text, at timestamptz DEFAULT now());
CREATE VIEW "Rule Space".account_names AS SELECT id, owner FROM "Rule Space".account;
CREATE FUNCTION "Rule Space".clean(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT btrim($1)$$;
CREATE RULE account_names_ins AS ON INSERT TO "Rule Space".account_names DO INSTEAD
  INSERT INTO "Rule Space".account (id, owner) VALUES (new.id, "Rule Space".clean(new.owner));
CREATE RULE account_names_upd AS ON UPDATE TO "Rule Space".account_names DO INSTEAD
  UPDATE "Rule Space".account SET id = new.id, owner = new.owner WHERE account.id = old.id;
CREATE RULE account_names_del AS ON DELETE TO "Rule Space".account_names DO INSTEAD (
  INSERT INTO "Rule Space".audit (id, what) VALUES (old.id, 'delete; via view');
  DELETE FROM "Rule Space".account WHERE account.id = old.id;
);
COMMENT ON RULE account_names_ins ON "Rule Space".account_names IS 'insert through the view';
CREATE RULE "Account Audit" AS ON DELETE TO "Rule Space".account DO ALSO
  INSERT INTO "Rule Space".audit (id, what) VALUES (old.id, 'deleted ' || old.owner);
ALTER TABLE "Rule Space".account ENABLE REPLICA RULE "Account Audit";
CREATE RULE big_update AS ON UPDATE TO "Rule Space".account WHERE new.balance > 1000 DO ALSO
  INSERT INTO "Rule Space".audit (id, what) VALUES (new.id, 'big');
ALTER TABLE "Rule Space".account ENABLE ALWAYS RULE big_update;
CREATE RULE never AS ON INSERT TO "Rule Space".audit WHERE new.what IS NULL DO INSTEAD NOTHING;
ALTER TABLE "Rule Space".audit DISABLE RULE never;
