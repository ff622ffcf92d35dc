-- roles: SD Auditor
CREATE SCHEMA audit;
CREATE TABLE audit.entry (id integer PRIMARY KEY, msg text, secret text);
CREATE TABLE audit.archive (id integer PRIMARY KEY);
INSERT INTO audit.entry VALUES (1, 'hello', 's');
INSERT INTO audit.archive VALUES (1);
