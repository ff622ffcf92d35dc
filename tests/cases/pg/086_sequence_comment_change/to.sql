-- covers: sequence comments: added, removed, changed
CREATE SEQUENCE s1;
COMMENT ON SEQUENCE s1 IS 'new';
CREATE SEQUENCE s2;
CREATE SEQUENCE s3;
COMMENT ON SEQUENCE s3 IS 'v2';
CREATE TABLE t (id integer PRIMARY KEY);
