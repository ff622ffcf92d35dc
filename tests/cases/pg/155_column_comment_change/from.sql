CREATE TABLE t (id integer PRIMARY KEY, a text, b text, "Odd Col" text);
COMMENT ON COLUMN t.b IS 'bye';
COMMENT ON COLUMN t."Odd Col" IS 'v1';
INSERT INTO t VALUES (1, 'a', 'b', 'c');
