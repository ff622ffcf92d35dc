-- roles: sd_alice, sd_bob
CREATE TABLE a (id integer PRIMARY KEY, note text);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));
CREATE VIEW ab AS SELECT b.id, a.note FROM b JOIN a ON a.id = b.a_id;
GRANT SELECT, INSERT ON a TO sd_alice;
GRANT SELECT ON a TO sd_bob;
GRANT SELECT ON ab TO sd_bob;
COMMENT ON TABLE a IS 'first';
COMMENT ON TABLE b IS 'second';
CREATE INDEX b_a_idx ON b (a_id);
INSERT INTO a VALUES (1, 'one');
INSERT INTO b VALUES (1, 1);
