-- covers: column collations with rows: default -> "C", "C" -> default, "C" -> "POSIX", "C" -> "C.utf8" on a column with an index
CREATE TABLE words (id integer PRIMARY KEY, a text COLLATE "C", b text, c varchar(20) COLLATE "POSIX", d text COLLATE "C.utf8");
CREATE INDEX words_d_idx ON words (d);
