CREATE TABLE a$b (c$d INT, "$e" INT);
