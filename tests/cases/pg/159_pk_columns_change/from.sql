CREATE TABLE doc (tenant_id integer NOT NULL, id integer NOT NULL, body text, PRIMARY KEY (id));
CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL, PRIMARY KEY (a, b));
INSERT INTO doc VALUES (1, 1, 'x'), (2, 2, 'y');
INSERT INTO pairs VALUES (1, 1), (2, 1);
