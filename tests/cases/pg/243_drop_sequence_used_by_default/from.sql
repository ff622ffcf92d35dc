CREATE SEQUENCE shared_seq;
CREATE TABLE a (id integer PRIMARY KEY DEFAULT nextval('shared_seq'), v text);
CREATE TABLE b (id serial PRIMARY KEY, ref integer DEFAULT nextval('shared_seq'));
INSERT INTO a (v) VALUES ('x'), ('y');
INSERT INTO b DEFAULT VALUES;
