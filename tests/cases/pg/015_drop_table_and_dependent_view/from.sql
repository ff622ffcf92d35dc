CREATE TABLE audit_log (id integer PRIMARY KEY, msg text);
CREATE TABLE keep (id integer PRIMARY KEY);
CREATE VIEW recent_audit AS SELECT id, msg FROM audit_log WHERE id > 1;
CREATE VIEW recent_audit_msgs AS SELECT msg FROM recent_audit;
INSERT INTO audit_log VALUES (1, 'a'), (2, 'b');
INSERT INTO keep VALUES (1);
