-- covers: column comments: added, removed, changed (one on a quoted mixed-case column)
CREATE TABLE t (id integer PRIMARY KEY, a text, b text, "Odd Col" text);
COMMENT ON COLUMN t.a IS 'hello';
COMMENT ON COLUMN t."Odd Col" IS 'v2';
