-- roles: sd_alice, sd_bob
-- covers: same objects, grants and comments created in a different order (grants to the same object keep their order); privileges listed in a different order within one GRANT (expect no diff)
COMMENT ON SCHEMA public IS 'standard public schema';
CREATE TABLE a (id integer PRIMARY KEY, note text);
COMMENT ON TABLE a IS 'first';
GRANT INSERT, SELECT ON a TO sd_alice;
GRANT SELECT ON a TO sd_bob;
CREATE TABLE b (id integer PRIMARY KEY, a_id integer);
CREATE INDEX b_a_idx ON b (a_id);
COMMENT ON TABLE b IS 'second';
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id);
CREATE VIEW ab AS SELECT b.id, a.note FROM b JOIN a ON a.id = b.a_id;
GRANT SELECT ON TABLE ab TO sd_bob;
