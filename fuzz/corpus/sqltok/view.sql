CREATE VIEW v AS SELECT a.id, a.name || ' ' || b.name AS full, json_extract(a.doc, '$.x') ->> '$.y' FROM a JOIN b USING (id) WHERE a.x != 1 AND a.y == 2;
