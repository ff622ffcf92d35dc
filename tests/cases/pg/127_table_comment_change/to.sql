-- covers: table comments: added, removed, changed (multi-line text with quotes)
CREATE TABLE t1 (id integer PRIMARY KEY);
COMMENT ON TABLE t1 IS E'line one\nline two with ''quotes''';
CREATE TABLE t2 (id integer PRIMARY KEY);
CREATE TABLE t3 (id integer PRIMARY KEY);
COMMENT ON TABLE t3 IS 'v2';
