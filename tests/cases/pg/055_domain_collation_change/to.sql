-- covers: domain collation: default -> "C", "C" -> default, "C" -> "POSIX" (domains not used by columns)
CREATE DOMAIN d1 AS text COLLATE "C";
CREATE DOMAIN d2 AS text;
CREATE DOMAIN d3 AS varchar(30) COLLATE "POSIX";
CREATE TABLE t (id integer PRIMARY KEY);
