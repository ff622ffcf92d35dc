-- covers: rules kept while their relation is rebuilt: a view recreated because a column it reads is retyped keeps its INSTEAD rule (with a comment: created again after the view), a table rule whose action uses a retyped column (PostgreSQL refuses the retype while the rule exists) is dropped before and created after with its enable state and comment, a rule that does not use the column stays
CREATE TABLE person (id integer PRIMARY KEY, name text NOT NULL, age bigint);
CREATE TABLE person_log (id integer, name text, age integer);
CREATE VIEW adults AS SELECT id, name, age FROM person WHERE age >= 18;
CREATE RULE adults_ins AS ON INSERT TO adults DO INSTEAD INSERT INTO person VALUES (new.id, new.name, new.age);
COMMENT ON RULE adults_ins ON adults IS 'insert adults';
CREATE RULE person_upd AS ON UPDATE TO person DO ALSO INSERT INTO person_log VALUES (new.id, new.name, new.age);
ALTER TABLE person ENABLE ALWAYS RULE person_upd;
COMMENT ON RULE person_upd ON person IS 'logs updates';
CREATE RULE person_del AS ON DELETE TO person DO ALSO INSERT INTO person_log (id) VALUES (old.id);
