-- covers: schema comments: added, removed, changed
CREATE SCHEMA s1;
COMMENT ON SCHEMA s1 IS 'new comment';
CREATE SCHEMA s2;
CREATE SCHEMA s3;
COMMENT ON SCHEMA s3 IS 'new text, with ''quotes''';
CREATE TABLE s3.t (id integer);
